package main

import "fmt"

func main() {
	fmt.Println(total([]int{3, 4, 5}))
	fmt.Println(describe(7))
}

func total(xs []int) int {
	sum := 0
	for _, x := range xs {
		sum += square(x)
	}
	return sum
}

func square(n int) int { return n * n }

func describe(n int) string {
	if isEven(n) {
		return fmt.Sprint(n, " is even")
	}
	return fmt.Sprint(n, " is odd")
}

func isEven(n int) bool { return n%2 == 0 }
