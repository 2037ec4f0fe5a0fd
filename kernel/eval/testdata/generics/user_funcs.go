package main

import (
	"fmt"
	"strconv"
	"strings"
)

type Number interface {
	~int | ~int64 | ~float64
}

type Celsius float64

func main() {
	words := Map([]int{1, 2, 3}, func(i int) string { return strconv.Itoa(i) + "!" })
	fmt.Println(words, len(words))
	evens := Filter([]int{1, 2, 3, 4, 5, 6}, func(i int) bool { return i%2 == 0 })
	fmt.Println(evens)
	fmt.Println(Reduce(evens, 0, func(acc, x int) int { return acc + x }))
	fmt.Println(Sum(1, 2, 3), Sum(1.5, 2.25), Sum[Celsius](20, 1.5))
	fmt.Printf("%T %v\n", Sum[int64](4, 5), Keys(map[string]bool{"k": true}))
	fmt.Println(strings.Join(Map(Map([]int{7, 8}, double), strconv.Itoa), "+"))
	fmt.Println(Max("pear", "apple"), Max(3, 9))
	f := Map[string, int]
	fmt.Println(f([]string{"a", "bb"}, func(s string) int { return len(s) }))
}

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, len(xs))
	for i := range xs {
		out[i] = f(xs[i])
	}
	return out
}

func Filter[T any](xs []T, keep func(T) bool) (kept []T) {
	for i := 0; i < len(xs); i++ {
		if x := xs[i]; keep(x) {
			kept = append(kept, x)
		}
	}
	return kept
}

func Reduce[T, A any](xs []T, acc A, f func(A, T) A) A {
	for _, x := range xs {
		acc = f(acc, x)
	}
	return acc
}

func Sum[T Number](xs ...T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func Keys[K comparable, V any](m map[K]V) []K {
	var out []K
	for k := range m {
		out = append(out, k)
	}
	return out
}

func double(i int) int { return 2 * i }

func Max[T int | string](a, b T) T {
	if a > b {
		return a
	}
	return b
}
