package main

import (
	"fmt"
	"sort"
)

type Employee struct {
	Name   string
	Dept   string
	Salary int
}

type byDeptThenSalary []Employee

func (s byDeptThenSalary) Len() int      { return len(s) }
func (s byDeptThenSalary) Swap(i, j int) { s[i], s[j] = s[j], s[i] }
func (s byDeptThenSalary) Less(i, j int) bool {
	if s[i].Dept != s[j].Dept {
		return s[i].Dept < s[j].Dept
	}
	return s[i].Salary > s[j].Salary
}

func main() {
	staff := []Employee{
		{"ann", "ops", 50}, {"bob", "dev", 70}, {"cat", "dev", 90},
		{"dan", "ops", 65}, {"eve", "dev", 70},
	}
	sort.Sort(byDeptThenSalary(staff))
	for _, e := range staff {
		fmt.Println(e.Dept, e.Salary, e.Name)
	}
	names := []string{"delta", "Alpha", "charlie", "Bravo"}
	sort.Strings(names)
	fmt.Println(names, sort.StringsAreSorted(names))
	ints := []int{9, 3, 7}
	sort.Sort(sort.Reverse(sort.IntSlice(ints)))
	fmt.Println(ints, sort.SearchInts([]int{1, 3, 5, 7}, 5))
}
