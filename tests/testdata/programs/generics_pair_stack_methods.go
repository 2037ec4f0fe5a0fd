package main

import (
	"errors"
	"fmt"
)

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func (p Pair[K, V]) String() string { return fmt.Sprintf("%v=%v", p.Key, p.Val) }

type Stack[T any] struct{ items []T }

func (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }

func (s *Stack[T]) Pop() (T, error) {
	var zero T
	if len(s.items) == 0 {
		return zero, errors.New("empty stack")
	}
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v, nil
}

func (s Stack[T]) Len() int { return len(s.items) }

type Inventory[T any] struct {
	Owner string
	Items Stack[Pair[string, T]]
}

func Zip[K comparable, V any](ks []K, vs []V) []Pair[K, V] {
	out := make([]Pair[K, V], 0, min(len(ks), len(vs)))
	for i := range min(len(ks), len(vs)) {
		out = append(out, Pair[K, V]{ks[i], vs[i]})
	}
	return out
}

func main() {
	var s Stack[int]
	s.Push(1)
	s.Push(2)
	fmt.Println(s.Pop())
	fmt.Println(s.Pop())
	fmt.Println(s.Pop())
	inv := Inventory[float64]{Owner: "ann"}
	inv.Items.Push(Pair[string, float64]{"apple", 1.5})
	inv.Items.Push(Pair[string, float64]{"pear", 2})
	top, _ := inv.Items.Pop()
	fmt.Println(inv.Owner, top, inv.Items.Len(), top.Key)
	fmt.Printf("%v %+v\n", top, inv.Items.items)
	fmt.Println(Zip([]string{"a", "b", "c"}, []int{1, 2}))
	p := Pair[int, []string]{1, []string{"x"}}
	fmt.Println(p, p.String())
}
