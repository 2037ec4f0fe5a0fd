// A goroutine's index out of range ends the program while main waits in a select.
package main

import (
	"fmt"
	"time"
)

var started = 7

func sum(xs []int, done chan<- int) {
	total := 0
	for i := 0; i <= len(xs); i++ {
		total += xs[i]
	}
	done <- total
}

func main() {
	done := make(chan int)
	fmt.Println("starting")
	go sum([]int{1, 2, 3}, done)
	select {
	case v := <-done:
		fmt.Println("sum", v)
	case <-time.After(2 * time.Second):
		fmt.Println("main goes on")
	}
}
