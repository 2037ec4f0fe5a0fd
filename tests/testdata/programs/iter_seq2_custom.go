package main

import (
	"fmt"
	"iter"
	"strings"
)

type Inventory struct {
	names []string
	qty   []int
}

func (inv *Inventory) Add(name string, n int) {
	inv.names = append(inv.names, name)
	inv.qty = append(inv.qty, n)
}

func (inv *Inventory) All() iter.Seq2[string, int] {
	return func(yield func(string, int) bool) {
		for i, n := range inv.names {
			if !yield(n, inv.qty[i]) {
				return
			}
		}
	}
}

func Lines(s string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for _, l := range strings.Split(s, "\n") {
			if !yield(l) {
				return
			}
		}
	}
}

func main() {
	var inv Inventory
	inv.Add("apples", 3)
	inv.Add("pears", 0)
	inv.Add("plums", 7)
	for name, n := range inv.All() {
		if n == 0 {
			continue
		}
		fmt.Println(name, n)
	}
	for l := range Lines("a\nb\nstop\nc") {
		if l == "stop" {
			break
		}
		fmt.Println("line", l)
	}
}
