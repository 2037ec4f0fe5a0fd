package main

import (
	"fmt"
	"sync"
)

type Config struct{ Name string }

var (
	once   sync.Once
	config *Config
	loads  int
)

func load() *Config {
	once.Do(func() {
		loads++
		config = &Config{Name: "prod"}
	})
	return config
}

func main() {
	var wg sync.WaitGroup
	names := make([]string, 10)
	for i := range names {
		wg.Add(1)
		go func() {
			defer wg.Done()
			names[i] = load().Name
		}()
	}
	wg.Wait()
	fmt.Println(loads, names[0], names[9])
	calls := 0
	get := sync.OnceValue(func() int { calls++; return 42 })
	fmt.Println(get(), get(), calls)
	pair := sync.OnceValues(func() (string, error) { return "ready", nil })
	s, err := pair()
	fmt.Println(s, err)
	var o sync.Once
	o.Do(func() { fmt.Println("first Do") })
	o.Do(func() { fmt.Println("second Do") })
}
