package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	const limit = 2
	sem := make(chan struct{}, limit)
	var mu sync.Mutex
	active, peak := 0, 0
	lengths := make([]int, 7)
	var wg sync.WaitGroup
	for i, word := range []string{"a", "bb", "ccc", "dddd", "e", "ff", "ggg"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			mu.Lock()
			active++
			peak = max(peak, active)
			mu.Unlock()
			time.Sleep(2 * time.Millisecond)
			lengths[i] = len(word)
			mu.Lock()
			active--
			mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println(lengths, "peak within limit:", peak <= limit, "active:", active)
}
