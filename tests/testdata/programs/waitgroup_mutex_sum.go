package main

import (
	"fmt"
	"sync"
)

type Totals struct {
	mu   sync.Mutex
	sums map[string]int
}

func (t *Totals) Add(key string, n int) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.sums[key] += n
}

func main() {
	t := &Totals{sums: map[string]int{}}
	var wg sync.WaitGroup
	for i := 1; i <= 50; i++ {
		wg.Add(1)
		go func(n int) {
			defer wg.Done()
			if n%2 == 0 {
				t.Add("even", n)
			} else {
				t.Add("odd", n)
			}
		}(i)
	}
	wg.Wait()
	fmt.Println(t.sums["even"], t.sums["odd"], len(t.sums))
	var counter int
	var mu sync.Mutex
	var wg2 sync.WaitGroup
	wg2.Add(100)
	for range 100 {
		go func() {
			defer wg2.Done()
			mu.Lock()
			counter++
			mu.Unlock()
		}()
	}
	wg2.Wait()
	fmt.Println(counter)
}
