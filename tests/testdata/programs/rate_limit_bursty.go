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
	limiter := time.Tick(10 * time.Millisecond)
	start := time.Now()
	for req := range requests {
		<-limiter
		fmt.Println("request", req)
	}
	fmt.Println("steady rate took at least 40ms:", time.Since(start) >= 40*time.Millisecond)
	bursty := make(chan time.Time, 3)
	for i := 0; i < 3; i++ {
		bursty <- time.Now()
	}
	go func() {
		for t := range time.Tick(10 * time.Millisecond) {
			bursty <- t
		}
	}()
	burstReqs := make(chan int, 5)
	for i := 1; i <= 5; i++ {
		burstReqs <- i
	}
	close(burstReqs)
	start = time.Now()
	var gaps []bool
	for req := range burstReqs {
		<-bursty
		gaps = append(gaps, time.Since(start) >= 5*time.Millisecond)
		fmt.Println("burst request", req)
	}
	fmt.Println("last waited for a tick:", gaps[4], len(gaps))
}
