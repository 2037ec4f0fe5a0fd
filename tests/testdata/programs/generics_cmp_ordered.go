package main

import (
	"cmp"
	"fmt"
	"slices"
)

func MaxOf[T cmp.Ordered](xs ...T) T {
	m := xs[0]
	for _, x := range xs[1:] {
		m = max(m, x)
	}
	return m
}

type Person struct {
	Name string
	Age  int
}

func SortBy[T any, K cmp.Ordered](xs []T, key func(T) K) {
	slices.SortFunc(xs, func(a, b T) int { return cmp.Compare(key(a), key(b)) })
}

func main() {
	fmt.Println(MaxOf(3, 7, 2), MaxOf("b", "a", "c"), MaxOf(1.5, -2.0))
	people := []Person{{"zed", 20}, {"amy", 35}, {"kim", 28}}
	SortBy(people, func(p Person) int { return p.Age })
	fmt.Println(people)
	SortBy(people, func(p Person) string { return p.Name })
	fmt.Println(people)
	fmt.Println(cmp.Compare(1, 2), cmp.Compare("b", "a"), cmp.Less(1.0, 2.0))
	fmt.Println(cmp.Or("", "fallback"), cmp.Or(0, 0, 3))
}
