// compare: sorted lines
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fmt.Println("classic loop sees", i)
		}()
	}
	wg.Wait()
	for _, name := range []string{"ann", "ben", "cat"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fmt.Println("range sees", name)
		}()
	}
	wg.Wait()
	results := make([]int, 5)
	for i := range results {
		wg.Go(func() { results[i] = i * i })
	}
	wg.Wait()
	fmt.Println("results", results)
	ch := make(chan string)
	for i := range 3 {
		go func(n int) { ch <- fmt.Sprint("param ", n, " outer ", i) }(i * 100)
	}
	for range 3 {
		fmt.Println(<-ch)
	}
}
