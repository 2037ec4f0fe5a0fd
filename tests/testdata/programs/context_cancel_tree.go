package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

func worker(ctx context.Context, id int, out chan<- string) {
	<-ctx.Done()
	out <- fmt.Sprintf("worker %d: %v", id, ctx.Err())
}

func main() {
	parent, cancel := context.WithCancel(context.Background())
	child, childCancel := context.WithTimeout(parent, time.Hour)
	defer childCancel()
	out := make(chan string)
	go worker(child, 1, out)
	cancel()
	fmt.Println(<-out)
	fmt.Println(errors.Is(child.Err(), context.Canceled), parent.Err())
	ctx, stop := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer stop()
	select {
	case <-time.After(2 * time.Second):
		fmt.Println("slow path")
	case <-ctx.Done():
		fmt.Println("timed out:", ctx.Err(), errors.Is(ctx.Err(), context.DeadlineExceeded))
	}
	_, hasDeadline := ctx.Deadline()
	_, none := context.Background().Deadline()
	fmt.Println(hasDeadline, none)
	c2, cancel2 := context.WithCancelCause(context.Background())
	cancel2(errors.New("shutdown"))
	fmt.Println(c2.Err(), context.Cause(c2))
	after := context.AfterFunc(c2, func() { fmt.Println("after func ran") })
	time.Sleep(10 * time.Millisecond)
	fmt.Println(after())
}
