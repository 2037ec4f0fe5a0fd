package main

import "fmt"

func main() {
	a := make([]int, 3, 5)
	b := append(a, 4)
	c := append(a, 5)
	fmt.Println(a, b, c, len(b), cap(b))

	d := a[:2:2]
	e := append(d, 9)
	e[0] = 100
	fmt.Println(a, d, e)

	src := []string{"x", "y", "z"}
	dst := make([]string, 2)
	n := copy(dst, src)
	fmt.Println(n, dst)

	var grow []int
	caps := map[int]bool{}
	for i := range 10 {
		grow = append(grow, i)
		caps[cap(grow)] = true
	}
	fmt.Println(len(grow), grow[3:7], len(caps) > 1)

	arr := [4]int{1, 2, 3, 4}
	s := arr[1:3]
	s[0] = 20
	fmt.Println(arr, s, len(s), cap(s))
	var nilSlice []int
	fmt.Println(nilSlice == nil, len(nilSlice), append(nilSlice, 1))
}
