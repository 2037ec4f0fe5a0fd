package main

// Eight workers run one select statement at once, each sending its own result or receiving
// from its own channel: every result arrives once, and no worker waits on another's channel.

import (
	"context"
	"fmt"
	"sync"
)

func squares(ctx context.Context, jobs <-chan int, workers int) int {
	results := make(chan int, 100)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				select {
				case results <- j * j:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()
	sum := 0
	for r := range results {
		sum += r
	}
	return sum
}

func echo(id int, in <-chan int, out chan<- [2]int, wg *sync.WaitGroup) {
	defer wg.Done()
	for {
		select {
		case v, ok := <-in:
			if !ok {
				return
			}
			out <- [2]int{id, v}
		}
	}
}

func main() {
	jobs := make(chan int)
	go func() {
		for i := range 3000 {
			jobs <- i
		}
		close(jobs)
	}()
	fmt.Println("sum of squares:", squares(context.Background(), jobs, 8))

	out := make(chan [2]int, 8*500)
	ins := make([]chan int, 8)
	var wg sync.WaitGroup
	for i := range ins {
		ins[i] = make(chan int)
		wg.Add(1)
		go echo(i, ins[i], out, &wg)
	}
	for range 500 {
		for i, c := range ins {
			c <- i
		}
	}
	for _, c := range ins {
		close(c)
	}
	wg.Wait()
	close(out)
	wrong := 0
	for p := range out {
		if p[0] != p[1] {
			wrong++
		}
	}
	fmt.Println("answers from the wrong worker:", wrong)
}
