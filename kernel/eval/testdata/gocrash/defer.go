// main's deferred calls do not run when another goroutine's panic ends the program.
package main

import (
	"fmt"
	"time"
)

func main() {
	defer fmt.Println("deferred in main")
	fmt.Println("before")
	go func() { panic(fmt.Errorf("worker %d failed", 3)) }()
	time.Sleep(time.Second)
	fmt.Println("after")
}
