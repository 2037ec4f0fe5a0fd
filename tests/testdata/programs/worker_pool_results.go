package main

import (
	"fmt"
	"sort"
	"sync"
)

type job struct{ id, n int }

type result struct {
	id     int
	square int
	worker int
}

func worker(w int, jobs <-chan job, results chan<- result, wg *sync.WaitGroup) {
	defer wg.Done()
	for j := range jobs {
		results <- result{id: j.id, square: j.n * j.n, worker: w}
	}
}

func main() {
	jobs := make(chan job)
	results := make(chan result)
	var wg sync.WaitGroup
	for w := 1; w <= 3; w++ {
		wg.Add(1)
		go worker(w, jobs, results, &wg)
	}
	go func() {
		for i := 1; i <= 9; i++ {
			jobs <- job{id: i, n: i + 1}
		}
		close(jobs)
	}()
	go func() {
		wg.Wait()
		close(results)
	}()
	var all []result
	workers := map[int]bool{}
	for r := range results {
		all = append(all, r)
		workers[r.worker] = true
	}
	sort.Slice(all, func(i, j int) bool { return all[i].id < all[j].id })
	for _, r := range all {
		fmt.Println(r.id, r.square)
	}
	fmt.Println(len(all), len(workers) >= 1)
}
