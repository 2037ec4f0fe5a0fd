package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	start := sync.NewCond(&mu)
	ready := false
	waiting := 0
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			mu.Lock()
			waiting++
			for !ready {
				start.Wait()
			}
			mu.Unlock()
		})
	}
	for {
		mu.Lock()
		if waiting == 4 {
			break
		}
		mu.Unlock()
	}
	ready = true
	start.Broadcast()
	mu.Unlock()
	wg.Wait()
	fmt.Println("all", waiting, "runners started")
}
