package main

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
)

// Go 1.22–1.26 additions that the interpreter's tables predate: the front end copies them
// from Go's source, or instantiates them.
func main() {
	for part := range strings.SplitSeq("a,b,c", ",") {
		fmt.Print(part, ";")
	}
	fmt.Println()
	for l := range strings.Lines("x\ny\n") {
		fmt.Printf("%q ", l)
	}
	fmt.Println()
	var wg sync.WaitGroup
	var mu sync.Mutex
	n := 0
	for range 10 {
		wg.Go(func() {
			mu.Lock()
			n++
			mu.Unlock()
		})
	}
	wg.Wait()
	fmt.Println(n)
	m := map[string]int{"b": 2, "a": 1, "c": 3}
	fmt.Println(slices.Sorted(maps.Keys(m)), slices.Collect(maps.Values(map[int]int{1: 10})))
	for i, w := range slices.Backward([]string{"p", "q"}) {
		fmt.Print(i, w, " ")
	}
	fmt.Println(slices.Max([]float64{1, 2.5}), min(3, 1, 2), max("a", "b"))
	xs := []int{3, 1, 2}
	slices.Sort(xs)
	fmt.Println(xs, slices.Compact([]int{1, 1, 2}), slices.Insert([]int{1, 2}, 1, 9))
	for i := range slices.Chunk([]int{1, 2, 3, 4, 5}, 2) {
		fmt.Print(i)
	}
	fmt.Println()
}
