package main

import (
	"fmt"
	"iter"
	"maps"
	"slices"
	"strings"
)

func Countdown(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := n; i > 0; i-- {
			if !yield(i) {
				return
			}
		}
	}
}

func Enumerate[T any](s []T) iter.Seq2[int, T] {
	return func(yield func(int, T) bool) {
		for i, v := range s {
			if !yield(i, v) {
				return
			}
		}
	}
}

func main() {
	ages := map[string]int{"zoe": 31, "adam": 27, "mia": 45}
	names := slices.Sorted(maps.Keys(ages))
	fmt.Println(names)
	vals := slices.Collect(maps.Values(ages))
	slices.Sort(vals)
	fmt.Println(vals)
	fmt.Println(slices.Collect(Countdown(5)))
	for i := range Countdown(10) {
		if i < 8 {
			break
		}
		fmt.Print(i, " ")
	}
	fmt.Println()
	for i, s := range Enumerate([]string{"a", "b"}) {
		fmt.Println(i, s)
	}
	for i, v := range slices.Backward([]int{1, 2, 3}) {
		fmt.Print(i, ":", v, " ")
	}
	fmt.Println()
	for part := range strings.SplitSeq("a,b,c", ",") {
		fmt.Print("[", part, "]")
	}
	fmt.Println()
	fmt.Println(slices.Sorted(slices.Values([]string{"c", "a", "b"})), slices.Index(names, "mia"))
	chunks := slices.Collect(slices.Chunk([]int{1, 2, 3, 4, 5}, 2))
	fmt.Println(chunks)
}
