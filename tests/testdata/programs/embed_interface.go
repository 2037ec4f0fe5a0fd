package main

import (
	"fmt"
	"sort"
)

type byLen struct{ sort.Interface }

type words []string

func (w words) Len() int           { return len(w) }
func (w words) Less(i, j int) bool { return len(w[i]) < len(w[j]) }
func (w words) Swap(i, j int)      { w[i], w[j] = w[j], w[i] }

type reverse struct{ sort.Interface }

func (r reverse) Less(i, j int) bool { return r.Interface.Less(j, i) }

func main() {
	w := words{"banana", "fig", "apple", "kiwi"}
	sort.Stable(byLen{w})
	fmt.Println(w)
	sort.Sort(reverse{w})
	fmt.Println(w)
}
