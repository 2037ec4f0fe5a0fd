// compare: sorted lines
package main

import (
	"fmt"
	"sync"
)

func source(n int) <-chan int {
	out := make(chan int)
	go func() {
		for i := 1; i <= n; i++ {
			out <- i
		}
		close(out)
	}()
	return out
}

func square(id int, in <-chan int) <-chan string {
	out := make(chan string)
	go func() {
		for v := range in {
			out <- fmt.Sprintf("%d squared is %d", v, v*v)
		}
		close(out)
	}()
	return out
}

func merge(chans ...<-chan string) <-chan string {
	out := make(chan string)
	var wg sync.WaitGroup
	for _, c := range chans {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for s := range c {
				out <- s
			}
		}()
	}
	go func() { wg.Wait(); close(out) }()
	return out
}

func main() {
	in := source(8)
	workers := []<-chan string{square(1, in), square(2, in), square(3, in)}
	count := 0
	for line := range merge(workers...) {
		fmt.Println(line)
		count++
	}
	fmt.Println("lines:", count)
}
