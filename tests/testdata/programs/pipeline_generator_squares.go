package main

import "fmt"

func gen(nums ...int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for _, n := range nums {
			out <- n
		}
	}()
	return out
}

func square(in <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for n := range in {
			out <- n * n
		}
	}()
	return out
}

func filterOdd(in <-chan int) <-chan int {
	out := make(chan int, 2)
	go func() {
		defer close(out)
		for n := range in {
			if n%2 == 1 {
				out <- n
			}
		}
	}()
	return out
}

func main() {
	for v := range filterOdd(square(gen(1, 2, 3, 4, 5, 6, 7))) {
		fmt.Println(v)
	}
	sum := 0
	for v := range square(square(gen(1, 2, 3))) {
		sum += v
	}
	fmt.Println("sum", sum)
	c := gen()
	_, ok := <-c
	fmt.Println("empty closed:", !ok)
}
