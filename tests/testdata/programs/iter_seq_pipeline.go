package main

import (
	"fmt"
	"iter"
	"maps"
	"slices"
	"strings"
)

func Filter[T any](seq iter.Seq[T], keep func(T) bool) iter.Seq[T] {
	return func(yield func(T) bool) {
		for v := range seq {
			if keep(v) && !yield(v) {
				return
			}
		}
	}
}

func Take[T any](seq iter.Seq[T], n int) iter.Seq[T] {
	return func(yield func(T) bool) {
		if n <= 0 {
			return
		}
		i := 0
		for v := range seq {
			if !yield(v) {
				return
			}
			i++
			if i == n {
				return
			}
		}
	}
}

func Naturals() iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := 0; ; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

func Enumerate[T any](s []T) iter.Seq2[int, T] {
	return func(yield func(int, T) bool) {
		for i, v := range s {
			if !yield(i*10, v) {
				return
			}
		}
	}
}

func main() {
	odd := Filter(Naturals(), func(n int) bool { return n%2 == 1 })
	fmt.Println(slices.Collect(Take(odd, 5)))
	for i, s := range Enumerate([]string{"a", "b", "c"}) {
		if i > 10 {
			break
		}
		fmt.Print(i, s, " ")
	}
	fmt.Println()
	m := map[string]int{"x": 1, "y": 2, "z": 3}
	keys := slices.Sorted(maps.Keys(m))
	fmt.Println(keys)
	total := 0
	for _, v := range maps.All(m) {
		total += v
	}
	fmt.Println(total)
	for i, v := range slices.All([]string{"p", "q"}) {
		fmt.Print(i, ":", v, " ")
	}
	fmt.Println(slices.Collect(slices.Values([]int{7, 8})))
	for part := range strings.SplitSeq("a,b,c", ",") {
		fmt.Print("[", part, "]")
	}
	fmt.Println()
	back := slices.Collect(maps.Values(map[int]string{1: "one"}))
	fmt.Println(back, slices.Sorted(slices.Values([]int{3, 1, 2})))
}
