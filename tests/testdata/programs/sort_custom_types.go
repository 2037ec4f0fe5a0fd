package main

import (
	"fmt"
	"sort"
)

type person struct {
	name string
	age  int
}

type byAge []person

func (a byAge) Len() int           { return len(a) }
func (a byAge) Swap(i, j int)      { a[i], a[j] = a[j], a[i] }
func (a byAge) Less(i, j int) bool { return a[i].age < a[j].age }

func main() {
	people := []person{{"ann", 31}, {"bo", 25}, {"cy", 40}, {"di", 25}}
	sort.Sort(byAge(people))
	fmt.Println(people)
	sort.Sort(sort.Reverse(byAge(people)))
	fmt.Println(people)
	sort.SliceStable(people, func(i, j int) bool { return people[i].name < people[j].name })
	fmt.Println(people)
	words := []string{"pear", "fig", "apple", "kiwi"}
	sort.Strings(words)
	fmt.Println(words, sort.StringsAreSorted(words))
	i := sort.SearchStrings(words, "kiwi")
	fmt.Println(i, words[i])
	nums := []int{5, 2, 8, 1, 9}
	sort.Ints(nums)
	fmt.Println(nums, sort.SearchInts(nums, 6))
	sort.Sort(sort.Reverse(sort.IntSlice(nums)))
	fmt.Println(nums)
	fl := []float64{2.5, -1, 3.75}
	sort.Float64s(fl)
	fmt.Println(fl)
	idx := sort.Search(100, func(n int) bool { return n*n >= 50 })
	fmt.Println(idx)
	sort.Slice(words, func(i, j int) bool {
		if len(words[i]) != len(words[j]) {
			return len(words[i]) < len(words[j])
		}
		return words[i] > words[j]
	})
	fmt.Println(words, sort.IsSorted(byAge(people)))
}
