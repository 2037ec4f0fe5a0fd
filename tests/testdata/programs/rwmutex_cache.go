package main

import (
	"fmt"
	"sync"
)

type Cache struct {
	mu   sync.RWMutex
	data map[string]string
	hits int
}

func (c *Cache) Get(k string) (string, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	v, ok := c.data[k]
	return v, ok
}

func (c *Cache) Set(k, v string) {
	c.mu.Lock()
	c.data[k] = v
	c.mu.Unlock()
}

func main() {
	c := &Cache{data: map[string]string{}}
	var wg sync.WaitGroup
	for i := range 5 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.Set(fmt.Sprint("k", i), fmt.Sprint("v", i*i))
		}()
	}
	wg.Wait()
	found := make([]bool, 8)
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, found[i] = c.Get(fmt.Sprint("k", i))
		}()
	}
	wg.Wait()
	fmt.Println(found)
	v, _ := c.Get("k4")
	fmt.Println(v, len(c.data))
	fmt.Println(c.mu.TryRLock(), c.mu.TryLock())
	c.mu.RUnlock()
}
