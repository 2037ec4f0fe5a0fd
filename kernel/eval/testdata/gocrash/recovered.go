// A goroutine that recovers its own panic does not end the program.
package main

import "fmt"

func main() {
	done := make(chan string)
	go func() {
		defer func() { done <- fmt.Sprint("recovered: ", recover()) }()
		panic("contained")
	}()
	fmt.Println(<-done)
	fmt.Println("main ends")
}
