package main

import (
	"fmt"
	"time"
)

type Task struct {
	Name  string
	Input []int
}

func process(t Task, done chan<- int) {
	total := 0
	for i := 0; i <= len(t.Input); i++ {
		total += t.Input[i]
	}
	done <- total
}

func main() {
	done := make(chan int)
	fmt.Println("starting")
	go process(Task{"buggy", []int{1, 2, 3}}, done)
	select {
	case v := <-done:
		fmt.Println("unexpected", v)
	case <-time.After(2 * time.Second):
		fmt.Println("the goroutine's panic ends the program first")
	}
}
