package main

import (
	"fmt"
	"sync"
)

func main() {
	results := make(chan int)
	var wg sync.WaitGroup
	for i := 1; i <= 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results <- i * 100
		}()
	}
	sum := 0
	for v := range results {
		sum += v
		if sum == 600 {
			fmt.Println("all three arrived:", sum)
		}
	}
	wg.Wait()
	fmt.Println("never printed: nobody closes results")
}
