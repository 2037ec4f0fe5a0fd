package main

import (
	"cmp"
	"fmt"
)

type Number interface {
	~int | ~int64 | ~float64
}

type Celsius float64
type ID int

func Sum[T Number](xs ...T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func MaxOf[T cmp.Ordered](first T, rest ...T) T {
	m := first
	for _, x := range rest {
		m = max(m, x)
	}
	return m
}

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

type Pair[A any, B any] struct {
	First  A
	Second B
}

func (p Pair[A, B]) Swap() Pair[B, A] { return Pair[B, A]{p.Second, p.First} }

type Stringish interface{ ~string }

func Concat[S Stringish](parts []S) S {
	var out S
	for _, p := range parts {
		out += p
	}
	return out
}

type Name string

func main() {
	fmt.Println(Sum(1, 2, 3), Sum(1.5, 2.25), Sum[Celsius](10, 20.5))
	fmt.Printf("%v %T\n", Sum(ID(4), ID(5)), Sum(ID(4)))
	fmt.Println(MaxOf(3, 9, 2), MaxOf("b", "a", "c"), MaxOf(2.5))
	fmt.Println(Map([]int{1, 2, 3}, func(i int) string { return fmt.Sprint(i * 10) }))
	p := Pair[string, int]{"x", 1}
	fmt.Printf("%+v %+v\n", p, p.Swap())
	fmt.Println(Concat([]Name{"a", "b"}), Concat([]string{"c"}))
}
