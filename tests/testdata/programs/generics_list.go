package main

import "fmt"

type node[T any] struct {
	val  T
	next *node[T]
}

type List[T any] struct {
	head *node[T]
	size int
}

func (l *List[T]) Prepend(v T) {
	l.head = &node[T]{v, l.head}
	l.size++
}

func (l *List[T]) Each(f func(T)) {
	for n := l.head; n != nil; n = n.next {
		f(n.val)
	}
}

func FromSlice[T any](xs []T) *List[T] {
	l := &List[T]{}
	for i := len(xs) - 1; i >= 0; i-- {
		l.Prepend(xs[i])
	}
	return l
}

func main() {
	l := FromSlice([]float64{1.5, 2.5, 3.5})
	sum := 0.0
	l.Each(func(f float64) { sum += f })
	fmt.Println(l.size, sum)
	words := FromSlice([]string{"go", "is", "fun"})
	words.Each(func(s string) { fmt.Print(s, " ") })
	fmt.Println()
}
