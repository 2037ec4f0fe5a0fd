// os.Exit in a goroutine ends the program with its status.
package main

import (
	"fmt"
	"os"
	"time"
)

func main() {
	fmt.Println("before")
	go func() {
		fmt.Println("exiting")
		os.Exit(3)
	}()
	time.Sleep(time.Second)
	fmt.Println("after")
}
