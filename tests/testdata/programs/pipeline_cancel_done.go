package main

import "fmt"

func gen(done <-chan struct{}, nums ...int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for _, n := range nums {
			select {
			case out <- n:
			case <-done:
				return
			}
		}
	}()
	return out
}

func sq(done <-chan struct{}, in <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for n := range in {
			select {
			case out <- n * n:
			case <-done:
				return
			}
		}
	}()
	return out
}

func main() {
	done := make(chan struct{})
	for n := range sq(done, sq(done, gen(done, 1, 2, 3))) {
		fmt.Println(n)
	}
	close(done)
	done2 := make(chan struct{})
	out := sq(done2, gen(done2, 7, 8, 9))
	fmt.Println("first:", <-out, "second:", <-out)
	close(done2)
	_, open := <-out
	for open {
		_, open = <-out
	}
	fmt.Println("pipeline drained after cancel")
}
