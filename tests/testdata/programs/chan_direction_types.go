package main

import "fmt"

func sender(out chan<- int, n int) {
	for i := 0; i < n; i++ {
		out <- i
	}
	close(out)
}

func receiver(in <-chan int, result chan<- int) {
	sum := 0
	for v := range in {
		sum += v
	}
	result <- sum
}

func main() {
	data := make(chan int)
	result := make(chan int)
	go sender(data, 5)
	go receiver(data, result)
	fmt.Println("sum:", <-result)
	var sendOnly chan<- int = data
	var recvOnly <-chan int = data
	fmt.Printf("%T %T %T\n", data, sendOnly, recvOnly)
	chans := []chan string{make(chan string, 1), make(chan string, 1)}
	for i, c := range chans {
		c <- fmt.Sprint("slot ", i)
	}
	for _, c := range chans {
		fmt.Println(<-c)
	}
	var nilChan chan int
	fmt.Println(nilChan == nil, len(nilChan))
}
