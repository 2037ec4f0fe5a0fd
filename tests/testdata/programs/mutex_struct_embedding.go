package main

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

type Inventory struct {
	sync.Mutex
	stock map[string]int
}

func (inv *Inventory) Take(item string, n int) bool {
	inv.Lock()
	defer inv.Unlock()
	if inv.stock[item] < n {
		return false
	}
	inv.stock[item] -= n
	return true
}

func main() {
	inv := &Inventory{stock: map[string]int{"apple": 10, "pear": 3}}
	var wg sync.WaitGroup
	var mu sync.Mutex
	got := map[string]int{}
	for i := range 20 {
		item := "apple"
		if i%4 == 0 {
			item = "pear"
		}
		wg.Go(func() {
			if inv.Take(item, 1) {
				mu.Lock()
				got[item]++
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	var lines []string
	for k, v := range got {
		lines = append(lines, fmt.Sprintf("%s:%d left:%d", k, v, inv.stock[k]))
	}
	sort.Strings(lines)
	fmt.Println(strings.Join(lines, ", "))
}
