package main

import "fmt"

func work(id int, done chan<- string) {
	sum := 0
	for i := 1; i <= id*10; i++ {
		sum += i
	}
	done <- fmt.Sprintf("worker %d: %d", id, sum)
}

func main() {
	done := make(chan string)
	go work(1, done)
	fmt.Println(<-done)
	go work(2, done)
	fmt.Println(<-done)
	quit := make(chan struct{})
	go func() {
		fmt.Println("in the goroutine")
		close(quit)
	}()
	<-quit
	fmt.Println("main exits after the goroutine")
}
