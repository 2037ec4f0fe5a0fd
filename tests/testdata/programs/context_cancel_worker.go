package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

func worker(ctx context.Context, results chan<- int) error {
	for i := 0; ; i++ {
		select {
		case <-ctx.Done():
			close(results)
			return ctx.Err()
		case results <- i:
			time.Sleep(time.Millisecond)
		}
	}
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	results := make(chan int)
	errc := make(chan error, 1)
	go func() { errc <- worker(ctx, results) }()
	for v := range results {
		if v == 4 {
			cancel()
			break
		}
		fmt.Println("result", v)
	}
	for range results {
	}
	err := <-errc
	fmt.Println(err, errors.Is(err, context.Canceled), ctx.Err())
	cancel()
	parent, stop := context.WithCancel(context.Background())
	child, childCancel := context.WithCancel(parent)
	defer childCancel()
	stop()
	<-child.Done()
	fmt.Println("child:", child.Err())
}
