package main

import (
	"fmt"
	"time"
)

func main() {
	ticker := time.NewTicker(5 * time.Millisecond)
	done := make(chan bool)
	ticks := make(chan int, 100)
	go func() {
		n := 0
		for {
			select {
			case <-done:
				ticks <- n
				return
			case <-ticker.C:
				n++
				if n == 3 {
					fmt.Println("third tick")
				}
			}
		}
	}()
	time.Sleep(60 * time.Millisecond)
	ticker.Stop()
	done <- true
	n := <-ticks
	fmt.Println("ticker stopped; at least 3 ticks:", n >= 3)
	t := time.NewTicker(time.Hour)
	t.Reset(2 * time.Millisecond)
	<-t.C
	t.Stop()
	fmt.Println("reset ticker fired")
	select {
	case <-t.C:
		fmt.Println("stopped ticker still fired")
	case <-time.After(20 * time.Millisecond):
		fmt.Println("stopped ticker is quiet")
	}
	timer := time.NewTimer(5 * time.Millisecond)
	fired := <-timer.C
	fmt.Println("timer fired, not zero:", !fired.IsZero(), timer.Stop())
}
