package main

import "fmt"

func check(xs []int, i int) int {
	defer fmt.Println("check done", i)
	return xs[i]
}

func main() {
	xs := []int{10, 20, 30}
	fmt.Println(check(xs, 1))
	for i := range 2 {
		fmt.Println("round", i)
	}
	fmt.Println(check(xs, 5))
	fmt.Println("never printed")
}
