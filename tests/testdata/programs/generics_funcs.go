package main

import (
	"fmt"
	"strconv"
	"strings"
)

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func Filter[T any](xs []T, keep func(T) bool) []T {
	var out []T
	for _, x := range xs {
		if keep(x) {
			out = append(out, x)
		}
	}
	return out
}

func Reduce[T, A any](xs []T, init A, f func(A, T) A) A {
	acc := init
	for _, x := range xs {
		acc = f(acc, x)
	}
	return acc
}

func main() {
	nums := []int{1, 2, 3, 4, 5, 6}
	strs := Map(nums, func(n int) string { return strconv.Itoa(n * 10) })
	fmt.Println(strings.Join(strs, ","))
	evens := Filter(nums, func(n int) bool { return n%2 == 0 })
	fmt.Println(evens)
	fmt.Println(Reduce(nums, 0.5, func(a float64, n int) float64 { return a + float64(n) }))
	fmt.Println(Map([]string{"a", "bb"}, func(s string) int { return len(s) }))
}
