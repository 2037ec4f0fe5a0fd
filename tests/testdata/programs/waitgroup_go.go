package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var wg sync.WaitGroup
	var total atomic.Int64
	for i := range 10 {
		wg.Go(func() {
			total.Add(int64(i))
		})
	}
	wg.Wait()
	fmt.Println("total", total.Load())

	results := make([]string, 4)
	var wg2 sync.WaitGroup
	for i := range results {
		wg2.Go(func() {
			results[i] = fmt.Sprintf("job-%d", i*i)
		})
	}
	wg2.Wait()
	fmt.Println(results)
}
