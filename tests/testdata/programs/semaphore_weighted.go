package main

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/sync/semaphore"
)

func main() {
	ctx := context.Background()
	sem := semaphore.NewWeighted(3)
	var wg sync.WaitGroup
	var inFlight, peak atomic.Int64
	for i := range 8 {
		if err := sem.Acquire(ctx, 1); err != nil {
			fmt.Println("acquire:", err)
			return
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer sem.Release(1)
			n := inFlight.Add(1)
			if n > peak.Load() {
				peak.Store(n)
			}
			time.Sleep(time.Duration(i%3+1) * time.Millisecond)
			inFlight.Add(-1)
		}()
	}
	wg.Wait()
	fmt.Println("peak <= 3:", peak.Load() <= 3)
	fmt.Println("try 3:", sem.TryAcquire(3))
	fmt.Println("try 1 more:", sem.TryAcquire(1))
	sem.Release(3)
	tctx, cancel := context.WithTimeout(ctx, 10*time.Millisecond)
	defer cancel()
	fmt.Println(sem.Acquire(tctx, 4))
}
