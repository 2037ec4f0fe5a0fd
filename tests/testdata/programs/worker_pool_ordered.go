package main

import (
	"fmt"
	"strings"
	"sync"
)

type job struct {
	index int
	word  string
}

type result struct {
	index int
	out   string
}

func main() {
	words := strings.Fields("alpha beta gamma delta epsilon zeta eta theta")
	jobs := make(chan job)
	results := make(chan result)
	var wg sync.WaitGroup
	for w := 0; w < 3; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				results <- result{j.index, strings.ToUpper(j.word[:1]) + j.word[1:]}
			}
		}()
	}
	go func() {
		for i, w := range words {
			jobs <- job{i, w}
		}
		close(jobs)
	}()
	go func() {
		wg.Wait()
		close(results)
	}()
	ordered := make([]string, len(words))
	count := 0
	for r := range results {
		ordered[r.index] = r.out
		count++
	}
	fmt.Println(count, strings.Join(ordered, " "))
	sem := make(chan struct{}, 2)
	var mu sync.Mutex
	active, peak := 0, 0
	var wg2 sync.WaitGroup
	for i := 0; i < 6; i++ {
		wg2.Add(1)
		go func() {
			defer wg2.Done()
			sem <- struct{}{}
			mu.Lock()
			active++
			peak = max(peak, active)
			mu.Unlock()
			mu.Lock()
			active--
			mu.Unlock()
			<-sem
		}()
	}
	wg2.Wait()
	fmt.Println("peak within limit:", peak <= 2, len(sem))
}
