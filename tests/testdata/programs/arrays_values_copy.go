package main

import "fmt"

type Matrix [2][2]int

func double(a [3]int) [3]int {
	for i := range a {
		a[i] *= 2
	}
	return a
}

func doublePtr(a *[3]int) {
	for i := range a {
		a[i] *= 2
	}
}

type Team struct {
	Name    string
	Members [2]string
	Scores  []int
}

func main() {
	a := [3]int{1, 2, 3}
	b := a
	b[0] = 99
	fmt.Println(a, b, a == [3]int{1, 2, 3}, a != b)
	fmt.Println(double(a), a)
	doublePtr(&a)
	fmt.Println(a, len(a), cap(a))
	m := Matrix{{1, 2}, {3, 4}}
	m2 := m
	m2[1][1] = 0
	fmt.Println(m, m2, m == m2)
	t1 := Team{"x", [2]string{"a", "b"}, []int{1, 2}}
	t2 := t1
	t2.Members[0] = "z"
	t2.Scores[0] = 50
	fmt.Println(t1, t2)
	grid := map[[2]int]string{{0, 0}: "origin"}
	grid[[2]int{1, 2}] = "p"
	fmt.Println(grid[[2]int{1, 2}], len(grid))
	s := a[:]
	s[1] = -1
	fmt.Println(a, s)
	arrs := [][2]int{{1, 2}, {3, 4}}
	for _, p := range arrs {
		p[0] = 0
	}
	fmt.Println(arrs)
	for i := range arrs {
		arrs[i][0] = 0
	}
	fmt.Println(arrs)
}
