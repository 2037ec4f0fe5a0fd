package main

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"strings"
)

type Person struct {
	Name string
	Age  int
}

func main() {
	people := []Person{{"Alice", 30}, {"bob", 25}, {"Carol", 30}, {"dave", 25}, {"Eve", 35}}
	sort.Slice(people, func(i, j int) bool { return people[i].Age < people[j].Age })
	fmt.Println(people[0].Age, people[len(people)-1])
	sort.SliceStable(people, func(i, j int) bool { return people[i].Name < people[j].Name })
	fmt.Println(people)
	slices.SortFunc(people, func(a, b Person) int {
		return cmp.Or(cmp.Compare(b.Age, a.Age), strings.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)))
	})
	fmt.Println(people)
	slices.SortStableFunc(people, func(a, b Person) int { return cmp.Compare(a.Age, b.Age) })
	fmt.Println(people)
	idx, found := slices.BinarySearchFunc(people, 30, func(p Person, age int) int { return cmp.Compare(p.Age, age) })
	fmt.Println(idx, found)
	ints := []int{5, 2, 8, 1, 9, 3}
	sort.Ints(ints)
	fmt.Println(ints, sort.SearchInts(ints, 8), sort.IntsAreSorted(ints))
	sort.Sort(sort.Reverse(sort.IntSlice(ints)))
	fmt.Println(ints)
	strs := []string{"pear", "Apple", "fig", "banana"}
	sort.Strings(strs)
	fmt.Println(strs)
	slices.SortFunc(strs, func(a, b string) int { return cmp.Compare(len(a), len(b)) })
	fmt.Println(strs)
	fs := []float64{2.5, -1, 3.25, 0}
	slices.Sort(fs)
	fmt.Println(fs, slices.Max(fs), slices.Min(fs))
	i := sort.Search(100, func(n int) bool { return n*n >= 50 })
	fmt.Println(i)
	fmt.Println(slices.IsSortedFunc(people, func(a, b Person) int { return a.Age - b.Age }))
	fmt.Println(slices.IndexFunc(people, func(p Person) bool { return p.Name == "Eve" }))
}
