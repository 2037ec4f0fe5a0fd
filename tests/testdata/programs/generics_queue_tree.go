package main

import (
	"cmp"
	"fmt"
	"strings"
)

type Queue[T any] struct{ items []T }

func (q *Queue[T]) Push(v T) { q.items = append(q.items, v) }
func (q *Queue[T]) Pop() (T, bool) {
	var zero T
	if len(q.items) == 0 {
		return zero, false
	}
	v := q.items[0]
	q.items = q.items[1:]
	return v, true
}
func (q Queue[T]) Len() int { return len(q.items) }

type Tree[K cmp.Ordered, V any] struct {
	root *node[K, V]
	size int
}

type node[K cmp.Ordered, V any] struct {
	key         K
	val         V
	left, right *node[K, V]
}

func (t *Tree[K, V]) Put(k K, v V) {
	p := &t.root
	for *p != nil {
		switch c := cmp.Compare(k, (*p).key); {
		case c < 0:
			p = &(*p).left
		case c > 0:
			p = &(*p).right
		default:
			(*p).val = v
			return
		}
	}
	*p = &node[K, V]{key: k, val: v}
	t.size++
}

func (t *Tree[K, V]) Walk(f func(K, V)) { walk(t.root, f) }

func walk[K cmp.Ordered, V any](n *node[K, V], f func(K, V)) {
	if n != nil {
		walk(n.left, f)
		f(n.key, n.val)
		walk(n.right, f)
	}
}

func main() {
	var q Queue[string]
	q.Push("a")
	q.Push("b")
	v, ok := q.Pop()
	fmt.Println(v, ok, q.Len())
	var qi Queue[int]
	z, ok := qi.Pop()
	fmt.Println(z, ok)
	t := &Tree[string, int]{}
	for i, w := range strings.Fields("pear apple fig apple kiwi") {
		t.Put(w, i)
	}
	t.Walk(func(k string, v int) { fmt.Print(k, "=", v, " ") })
	fmt.Println(t.size)
	fmt.Printf("%T %T\n", q, t)
}
