package main

import (
	"cmp"
	"fmt"
	"iter"
	"maps"
	"slices"
	"sync"
	"sync/atomic"
)

type person struct {
	name string
	age  int
}

func count(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

func main() {
	xs := []int{3, 1, 2}
	fmt.Println(slices.Contains(xs, 2), slices.Index(xs, 3), slices.Index(xs, 7))
	ys := slices.Clone(xs)
	slices.Reverse(ys)
	fmt.Println(ys, xs, slices.Equal(xs, ys))
	fmt.Println(cmp.Compare(1, 2), cmp.Compare("b", "a"), cmp.Less(1.5, 2))
	people := []person{{"al", 30}, {"bo", 20}, {"cy", 25}}
	slices.SortFunc(people, func(a, b person) int { return cmp.Compare(a.age, b.age) })
	fmt.Println(people)
	fmt.Println(slices.IndexFunc(people, func(p person) bool { return p.name == "cy" }))
	idx, found := slices.BinarySearch([]int{1, 3, 5}, 3)
	fmt.Println(idx, found)
	get := sync.OnceValue(func() int { fmt.Println("computing"); return 42 })
	fmt.Println(get(), get())
	var p atomic.Pointer[person]
	fmt.Println(p.Load() == nil)
	p.Store(&people[0])
	old := p.Swap(&people[1])
	fmt.Println(old.name, p.Load().name, p.CompareAndSwap(nil, nil))
	m := map[string]int{"a": 1, "b": 2}
	m2 := maps.Clone(m)
	m2["c"] = 3
	fmt.Println(len(m), len(m2), maps.Equal(m, m2))
	next, stop := iter.Pull(count(3))
	fmt.Println(next())
	fmt.Println(next())
	stop()
	fmt.Println(next())
}
