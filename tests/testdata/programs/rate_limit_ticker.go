package main

import (
	"fmt"
	"time"
)

func main() {
	requests := make(chan int, 5)
	for i := 1; i <= 5; i++ {
		requests <- i
	}
	close(requests)
	limiter := time.NewTicker(8 * time.Millisecond)
	defer limiter.Stop()
	start := time.Now()
	for req := range requests {
		<-limiter.C
		fmt.Println("request", req)
	}
	fmt.Println("spread over >= 40ms:", time.Since(start) >= 40*time.Millisecond)

	bursty := make(chan time.Time, 3)
	for range 3 {
		bursty <- time.Now()
	}
	go func() {
		for t := range time.Tick(8 * time.Millisecond) {
			bursty <- t
		}
	}()
	start = time.Now()
	for i := 1; i <= 5; i++ {
		<-bursty
		if i == 3 {
			fmt.Println("burst of 3 is immediate:", time.Since(start) < 8*time.Millisecond)
		}
	}
	fmt.Println("then limited:", time.Since(start) >= 16*time.Millisecond)
}
