package main

import (
	"context"
	"fmt"
	"time"
)

func monitor(ctx context.Context, beats chan<- int) {
	t := time.NewTicker(5 * time.Millisecond)
	defer t.Stop()
	defer close(beats)
	n := 0
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			n++
			select {
			case beats <- n:
			default:
			}
		}
	}
}

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	beats := make(chan int, 1)
	go monitor(ctx, beats)
	last, received := 0, 0
	for b := range beats {
		if b <= last {
			fmt.Println("out of order", b, last)
		}
		last = b
		received++
	}
	fmt.Println("beats increased, received some:", received > 2, ctx.Err())
}
