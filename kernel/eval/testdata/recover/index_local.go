package main

import (
	"fmt"
	"runtime"
)

type grid struct{ cells []int }

func at(xs []int, i int) (v int, err error) {
	defer func() {
		if r := recover(); r != nil {
			_, isRuntime := r.(runtime.Error)
			err = fmt.Errorf("%v (runtime.Error: %v)", r, isRuntime)
		}
	}()
	return xs[i], nil
}

func cell(g grid, i int8) (v int) {
	defer func() { fmt.Println("recovered:", recover()) }()
	return g.cells[i]
}

func char(s string, i int) byte {
	defer func() { fmt.Println("recovered:", recover()) }()
	return s[i]
}

func main() {
	fmt.Println(at([]int{1, 2, 3}, 5))
	fmt.Println(at([]int{1, 2, 3}, -1))
	fmt.Println(at([]int{1, 2, 3}, 2))
	fmt.Println(cell(grid{[]int{7}}, 1))
	fmt.Println(char("abc", 3))
	var arr [4]int
	n := 9
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		arr[n] = 1
	}()
}
