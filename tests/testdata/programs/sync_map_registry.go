package main

import (
	"fmt"
	"sort"
	"sync"
)

func main() {
	var m sync.Map
	var wg sync.WaitGroup
	for i := range 6 {
		wg.Go(func() {
			m.Store(fmt.Sprintf("user%d", i), i*i)
		})
	}
	wg.Wait()
	v, ok := m.Load("user3")
	fmt.Println(v, ok)
	actual, loaded := m.LoadOrStore("user3", -1)
	fmt.Println(actual, loaded)
	actual, loaded = m.LoadOrStore("user9", 81)
	fmt.Println(actual, loaded)
	m.Delete("user0")
	old, existed := m.LoadAndDelete("user1")
	fmt.Println(old, existed)
	var keys []string
	m.Range(func(k, v any) bool {
		keys = append(keys, fmt.Sprint(k, "=", v))
		return true
	})
	sort.Strings(keys)
	fmt.Println(keys)
	prev, swapped := m.Swap("user2", 400)
	fmt.Println(prev, swapped, m.CompareAndSwap("user2", 400, 4))
}
