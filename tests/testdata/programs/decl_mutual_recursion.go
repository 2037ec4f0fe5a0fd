package main

import "fmt"

func main() {
	for i := 0; i < 6; i++ {
		fmt.Println(i, even(i), odd(i))
	}
}

func even(n int) bool {
	if n == 0 {
		return true
	}
	return odd(n - 1)
}

func odd(n int) bool {
	if n == 0 {
		return false
	}
	return even(n - 1)
}
