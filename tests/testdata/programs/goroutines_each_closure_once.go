package main

// Many short goroutines started from one loop, by a go statement and by WaitGroup.Go: each
// closure runs exactly once, with its own iteration's variable.

import (
	"fmt"
	"sync"
)

func main() {
	for round := range 10 {
		var mu sync.Mutex
		seen := map[int]int{}
		var wg sync.WaitGroup
		for i := range 200 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				mu.Lock()
				seen[i]++
				mu.Unlock()
			}()
		}
		for i := 200; i < 400; i++ {
			wg.Go(func() {
				mu.Lock()
				seen[i]++
				mu.Unlock()
			})
		}
		wg.Wait()
		twice := 0
		for _, n := range seen {
			if n != 1 {
				twice++
			}
		}
		if len(seen) != 400 || twice > 0 {
			fmt.Println("round", round, ":", len(seen), "closures ran,", twice, "more than once")
		}
	}
	fmt.Println("every closure ran once")
}
