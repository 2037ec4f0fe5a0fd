package main

import (
	"cmp"
	"fmt"
	"slices"
)

// Types declared inside a function, as type arguments of generic code.
func main() {
	type city struct {
		name string
		pop  int
	}
	cities := []city{{"Oslo", 700}, {"Lima", 9700}, {"Bern", 140}}
	slices.SortFunc(cities, func(a, b city) int { return cmp.Compare(b.pop, a.pop) })
	fmt.Println(cities)
	fmt.Printf("%T %v\n", cities[0], slices.ContainsFunc(cities, func(c city) bool { return c.name == "Bern" }))
	type score int
	scores := []score{3, 9, 1}
	fmt.Println(slices.Max(scores), slices.Index(scores, 9))
}
