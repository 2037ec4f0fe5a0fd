package main

// Functions with named results, called again and again: each call starts from zero values,
// whatever the previous call returned.

import (
	"errors"
	"fmt"
)

func count(xs []int) (even, odd int) {
	for _, x := range xs {
		if x%2 == 0 {
			even++
		} else {
			odd++
		}
	}
	return
}

func grow(n int) (s []int, err error) {
	for i := range n {
		s = append(s, i)
	}
	if n > 2 {
		err = errors.New("too many")
	}
	return
}

func safeDiv(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	q += a / b
	return
}

func main() {
	for _, xs := range [][]int{{1, 2, 3}, {4, 6}, {}} {
		e, o := count(xs)
		fmt.Println(e, o)
	}
	for n := range 4 {
		s, err := grow(n)
		fmt.Println(s, err)
	}
	for _, b := range []int{2, 0, 5} {
		fmt.Println(safeDiv(10, b))
	}
	total := 0
	add := func(n int) (sum int) {
		sum += n
		return
	}
	for i := range 3 {
		total += add(i)
	}
	fmt.Println("total", total)
}
