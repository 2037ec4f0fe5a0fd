package main

import "fmt"

func lastN(xs []int, n int) []int {
	return xs[len(xs)-n:]
}

func get(xs []int, i int) (v int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	return xs[i], nil
}

func main() {
	xs := []int{10, 20, 30}
	fmt.Println(lastN(xs, 2))
	fmt.Println(get(xs, 1))
	fmt.Println(get(xs, 5))
	fmt.Println(get(xs, -1+len(xs)*0-0))
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		fmt.Println(lastN(xs, 4))
	}()
	func() {
		defer func() {
			r := recover()
			err, ok := r.(error)
			fmt.Println("is runtime error:", ok, err)
		}()
		var arr [4]int
		idx := 4
		arr[idx%8] = 1
	}()
	fmt.Println("about to crash")
	i := 3
	fmt.Println(xs[i])
	fmt.Println("never printed")
}
