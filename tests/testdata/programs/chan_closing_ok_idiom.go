// compare: sorted lines
package main

import "fmt"

func main() {
	jobs := make(chan int, 5)
	done := make(chan bool)
	go func() {
		for {
			j, more := <-jobs
			if more {
				fmt.Println("received job", j)
			} else {
				fmt.Println("received all jobs")
				done <- true
				return
			}
		}
	}()
	for j := 1; j <= 3; j++ {
		jobs <- j
		fmt.Println("sent job", j)
	}
	close(jobs)
	fmt.Println("sent all jobs")
	<-done
	v, ok := <-jobs
	fmt.Println("received more jobs:", v, ok)
	queue := make(chan string, 2)
	queue <- "one"
	queue <- "two"
	close(queue)
	for elem := range queue {
		fmt.Println(elem)
	}
	fmt.Println(len(queue), cap(queue))
	var nilCh chan int
	select {
	case v := <-nilCh:
		fmt.Println("impossible", v)
	default:
		fmt.Println("nil channel never ready")
	}
	results := make(chan int)
	go func() {
		defer close(results)
		for i := range 3 {
			results <- i * 10
		}
	}()
	total := 0
	for r := range results {
		total += r
	}
	fmt.Println("total", total)
}
