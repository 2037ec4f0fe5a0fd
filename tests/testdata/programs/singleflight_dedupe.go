package main

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/sync/singleflight"
)

func main() {
	var g singleflight.Group
	var calls atomic.Int32
	release := make(chan struct{})
	var wg sync.WaitGroup
	results := make([]string, 5)
	for i := range results {
		wg.Go(func() {
			v, _, _ := g.Do("config", func() (any, error) {
				calls.Add(1)
				<-release
				return "loaded", nil
			})
			results[i] = v.(string)
		})
	}
	time.Sleep(30 * time.Millisecond)
	close(release)
	wg.Wait()
	fmt.Println(results, "calls:", calls.Load())
	v, err, shared := g.Do("other", func() (any, error) { return 7, nil })
	fmt.Println(v, err, shared)
	ch := g.DoChan("async", func() (any, error) { return "via channel", nil })
	r := <-ch
	fmt.Println(r.Val, r.Err, r.Shared)
}
