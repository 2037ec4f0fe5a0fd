package main

import (
	"cmp"
	"fmt"
)

type Tree[K cmp.Ordered, V any] struct {
	root *treeNode[K, V]
	size int
}

type treeNode[K cmp.Ordered, V any] struct {
	key         K
	val         V
	left, right *treeNode[K, V]
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
	*p = &treeNode[K, V]{key: k, val: v}
	t.size++
}

func (t *Tree[K, V]) Walk(f func(K, V)) { walk(t.root, f) }

func walk[K cmp.Ordered, V any](n *treeNode[K, V], f func(K, V)) {
	if n == nil {
		return
	}
	walk(n.left, f)
	f(n.key, n.val)
	walk(n.right, f)
}

func main() {
	var t Tree[string, int]
	for i, w := range []string{"m", "c", "x", "a", "e", "c"} {
		t.Put(w, i)
	}
	t.Walk(func(k string, v int) { fmt.Print(k, "=", v, " ") })
	fmt.Println()
	fmt.Println(t.size)
}
