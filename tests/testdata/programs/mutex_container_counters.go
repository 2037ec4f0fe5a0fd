package main

import (
	"fmt"
	"sync"
)

type Container struct {
	mu       sync.Mutex
	counters map[string]int
}

func (c *Container) inc(name string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.counters[name]++
}

type SafeList struct {
	sync.RWMutex
	items []int
}

func (l *SafeList) Append(v int) {
	l.Lock()
	l.items = append(l.items, v)
	l.Unlock()
}

func main() {
	c := Container{counters: map[string]int{"a": 0, "b": 0}}
	var wg sync.WaitGroup
	doIncrement := func(name string, n int) {
		for i := 0; i < n; i++ {
			c.inc(name)
		}
		wg.Done()
	}
	wg.Add(3)
	go doIncrement("a", 1000)
	go doIncrement("a", 1000)
	go doIncrement("b", 1000)
	wg.Wait()
	fmt.Println(c.counters)
	var l SafeList
	for i := range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			l.Append(i)
		}()
	}
	wg.Wait()
	l.RLock()
	fmt.Println(len(l.items))
	l.RUnlock()
}
