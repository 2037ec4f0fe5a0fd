package main

import (
	"fmt"
	"slices"
	"strings"
)

type User struct {
	Name string
	Age  int
}

func main() {
	xs := []int{5, 2, 8, 2, 9, 1, 5}
	ys := slices.Clone(xs)
	slices.Sort(ys)
	fmt.Println(xs, ys)
	i, found := slices.BinarySearch(ys, 8)
	fmt.Println(i, found, slices.Index(xs, 9), slices.Contains(xs, 7))
	ys = slices.Compact(ys)
	fmt.Println(ys, slices.Max(ys), slices.Min(ys))
	ys = slices.Insert(ys, 1, 42, 43)
	ys = slices.Delete(ys, 0, 1)
	slices.Reverse(ys)
	fmt.Println(ys, slices.Equal(ys, []int{9, 8, 5, 2, 43, 42}))

	users := []User{{"cy", 30}, {"al", 25}, {"bo", 30}}
	slices.SortStableFunc(users, func(a, b User) int { return b.Age - a.Age })
	fmt.Println(users)
	j := slices.IndexFunc(users, func(u User) bool { return strings.HasPrefix(u.Name, "a") })
	fmt.Println(j, users[j].Name)
}
