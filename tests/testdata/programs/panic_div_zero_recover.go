package main

import "fmt"

func div(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	return a / b, nil
}

func at(xs []int, i int) (v int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	return xs[i], nil
}

func main() {
	fmt.Println(div(10, 3))
	fmt.Println(div(1, 0))
	fmt.Println(at([]int{1, 2, 3}, 5))
	var p *struct{ N int }
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		fmt.Println(p.N)
	}()
	var a any = "text"
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		fmt.Println(a.(int))
	}()
}
