package main

import "fmt"

func naturals(done <-chan struct{}, stopped chan<- struct{}) <-chan int {
	out := make(chan int)
	go func() {
		defer close(stopped)
		defer close(out)
		for i := 1; ; i++ {
			select {
			case out <- i:
			case <-done:
				return
			}
		}
	}()
	return out
}

func primes(done <-chan struct{}, in <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for n := range in {
			prime := n > 1
			for d := 2; d*d <= n; d++ {
				if n%d == 0 {
					prime = false
					break
				}
			}
			if !prime {
				continue
			}
			select {
			case out <- n:
			case <-done:
				return
			}
		}
	}()
	return out
}

func main() {
	done := make(chan struct{})
	stopped := make(chan struct{})
	ps := primes(done, naturals(done, stopped))
	for range 8 {
		fmt.Print(<-ps, " ")
	}
	fmt.Println()
	close(done)
	for range ps {
	}
	<-stopped
	fmt.Println("both stages stopped, no goroutine leaks")
}
