package main

import "fmt"

func memo(f func(func(int) int, int) int) func(int) int {
	cache := map[int]int{}
	var g func(int) int
	g = func(n int) int {
		if v, ok := cache[n]; ok {
			return v
		}
		v := f(g, n)
		cache[n] = v
		return v
	}
	return g
}

func main() {
	fib := memo(func(self func(int) int, n int) int {
		if n < 2 {
			return n
		}
		return self(n-1) + self(n-2)
	})
	fmt.Println(fib(10), fib(40), fib(60))
}
