// A worker's panic ends the program while main waits for the workers and another worker
// still has lines to print.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		time.Sleep(500 * time.Millisecond)
		fmt.Println("slow worker done")
	}()
	go func() {
		defer wg.Done()
		var m map[string]int
		m["job"] = 1
	}()
	wg.Wait()
	fmt.Println("all done")
}
