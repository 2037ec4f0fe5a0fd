package main

import "fmt"

func produce(n int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for i := range n {
			out <- i * i
		}
	}()
	return out
}

func main() {
	total := 0
	for v := range produce(5) {
		fmt.Println("got", v)
		total += v
	}
	fmt.Println("total", total)
	ch := produce(1)
	a, ok1 := <-ch
	b, ok2 := <-ch
	c, ok3 := <-ch
	fmt.Println(a, ok1, b, ok2, c, ok3)
	strs := make(chan string, 2)
	strs <- "x"
	close(strs)
	s, ok := <-strs
	fmt.Printf("%q %v\n", s, ok)
	s, ok = <-strs
	fmt.Printf("%q %v\n", s, ok)
}
