package main

import "fmt"

type Point struct{ X, Y int }

type Player struct {
	Name  string
	Score int
}

func main() {
	players := map[string]Player{"a": {"Ann", 3}, "b": {"Bo", 5}}
	p := players["a"]
	p.Score += 10
	players["a"] = p
	fmt.Println(players["a"], players["b"].Score)

	ptrs := map[string]*Player{"c": {"Cy", 1}}
	ptrs["c"].Score++
	fmt.Println(*ptrs["c"])

	visited := map[Point]bool{{1, 2}: true}
	visited[Point{3, 4}] = true
	fmt.Println(visited[Point{1, 2}], visited[Point{0, 0}], len(visited))

	groups := map[bool][]int{}
	for i := 1; i <= 6; i++ {
		groups[i%2 == 0] = append(groups[i%2 == 0], i)
	}
	fmt.Println(groups[true], groups[false])
	delete(groups, true)
	delete(groups, true)
	fmt.Println(len(groups), groups)
	var nilMap map[string]int
	fmt.Println(nilMap["x"], len(nilMap), nilMap == nil)
}
