package main

import (
	"fmt"
	"time"
)

func main() {
	ticker := time.NewTicker(10 * time.Millisecond)
	defer ticker.Stop()
	start := time.Now()
	for i := 1; i <= 3; i++ {
		<-ticker.C
		fmt.Println("tick", i)
	}
	fmt.Println("at least 30ms:", time.Since(start) >= 30*time.Millisecond)

	done := make(chan struct{})
	ticks := 0
	t2 := time.NewTicker(5 * time.Millisecond)
	go func() {
		time.Sleep(40 * time.Millisecond)
		close(done)
	}()
loop:
	for {
		select {
		case <-t2.C:
			ticks++
		case <-done:
			t2.Stop()
			break loop
		}
	}
	fmt.Println("ticked a few times:", ticks >= 3 && ticks <= 9)
}
