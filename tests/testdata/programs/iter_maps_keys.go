package main

import (
	"fmt"
	"maps"
	"slices"
)

func main() {
	ages := map[string]int{"zoe": 31, "adam": 25, "mia": 40, "bob": 19}
	for _, name := range slices.Sorted(maps.Keys(ages)) {
		fmt.Println(name, ages[name])
	}
	vals := slices.Collect(maps.Values(ages))
	slices.Sort(vals)
	fmt.Println(vals)
	for i, v := range slices.All([]string{"p", "q"}) {
		fmt.Println(i, v)
	}
	for i, v := range slices.Backward([]int{7, 8, 9}) {
		fmt.Print(i, ":", v, " ")
	}
	fmt.Println()
	clone := maps.Clone(ages)
	delete(clone, "zoe")
	fmt.Println(len(ages), len(clone))
}
