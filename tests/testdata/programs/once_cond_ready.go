package main

import (
	"fmt"
	"sync"
)

type config struct{ values map[string]string }

var (
	cfg     *config
	cfgOnce sync.Once
	loads   int
)

func getConfig() *config {
	cfgOnce.Do(func() {
		loads++
		cfg = &config{values: map[string]string{"mode": "fast"}}
	})
	return cfg
}

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_ = getConfig().values["mode"]
		}()
	}
	wg.Wait()
	fmt.Println("loads:", loads, getConfig().values["mode"])
	val := sync.OnceValue(func() int { loads++; return 42 })
	fmt.Println(val(), val(), loads)
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	ready := 0
	for i := 0; i < 3; i++ {
		go func() {
			mu.Lock()
			ready++
			cond.Signal()
			mu.Unlock()
		}()
	}
	mu.Lock()
	for ready < 3 {
		cond.Wait()
	}
	mu.Unlock()
	fmt.Println("all ready:", ready)
}
