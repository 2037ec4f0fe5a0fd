package main

import (
	"fmt"
	"sort"
)

type point struct{ x, y int }

type employee struct {
	name   string
	salary int
}

func main() {
	grid := map[point]string{{0, 0}: "origin", {1, 2}: "p"}
	grid[point{3, 4}] = "far"
	fmt.Println(grid[point{1, 2}], len(grid))
	_, ok := grid[point{9, 9}]
	fmt.Println(ok, point{1, 2} == point{1, 2})
	staff := map[string]employee{"e1": {"ann", 100}}
	e := staff["e1"]
	e.salary += 50
	staff["e1"] = e
	fmt.Println(staff["e1"], staff["missing"])
	ptrs := map[string]*employee{"e2": {"bob", 80}}
	ptrs["e2"].salary *= 2
	fmt.Println(*ptrs["e2"])
	visits := map[[2]string]int{}
	for _, pair := range [][2]string{{"a", "b"}, {"b", "a"}, {"a", "b"}} {
		visits[pair]++
	}
	fmt.Println(visits)
	keys := make([]point, 0, len(grid))
	for k := range grid {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i].x < keys[j].x })
	fmt.Println(keys)
	anon := map[struct{ a, b int }]bool{{1, 2}: true}
	fmt.Println(anon[struct{ a, b int }{1, 2}])
	type key struct {
		s string
		n int
	}
	counts := map[key]int{}
	counts[key{"x", 1}]++
	counts[key{"x", 1}]++
	fmt.Println(counts)
	nested := map[string]map[string]int{}
	if nested["a"] == nil {
		nested["a"] = map[string]int{}
	}
	nested["a"]["b"] = 5
	fmt.Println(nested, len(nested["zzz"]))
	delete(grid, point{0, 0})
	fmt.Println(len(grid), grid)
}
