package main

import "fmt"

func main() {
	ch := make(chan int, 3)
	fmt.Println(len(ch), cap(ch))
	ch <- 1
	ch <- 2
	fmt.Println(len(ch), cap(ch))
	fmt.Println(<-ch)
	ch <- 3
	ch <- 4
	fmt.Println(len(ch))
	close(ch)
	for v := range ch {
		fmt.Print(v, " ")
	}
	fmt.Println()
	v, ok := <-ch
	fmt.Println(v, ok, len(ch))
	var unbuffered = make(chan string)
	fmt.Println(cap(unbuffered))
	msgs := make(chan string, 2)
	msgs <- "buffered"
	msgs <- "channel"
	fmt.Println(<-msgs, <-msgs)
}
