package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

type key string

func work(ctx context.Context, name string, d time.Duration) error {
	select {
	case <-time.After(d):
		fmt.Println(name, "finished")
		return nil
	case <-ctx.Done():
		fmt.Println(name, "stopped:", ctx.Err())
		return ctx.Err()
	}
}

func main() {
	root := context.WithValue(context.Background(), key("req"), "r-1")
	parent, cancel := context.WithCancel(root)
	child, cancelChild := context.WithTimeout(parent, 20*time.Millisecond)
	defer cancelChild()
	fmt.Println(child.Value(key("req")), child.Value(key("none")))
	_, hasDeadline := child.Deadline()
	_, parentDeadline := parent.Deadline()
	fmt.Println(hasDeadline, parentDeadline)
	err := work(child, "slow", time.Second)
	fmt.Println(errors.Is(err, context.DeadlineExceeded), parent.Err())
	cancel()
	<-parent.Done()
	fmt.Println(parent.Err(), context.Cause(parent))
	causeCtx, stop := context.WithCancelCause(context.Background())
	stop(errors.New("shutting down"))
	fmt.Println(causeCtx.Err(), context.Cause(causeCtx))
	ran := make(chan struct{})
	ctx3, cancel3 := context.WithCancel(context.Background())
	context.AfterFunc(ctx3, func() { close(ran) })
	cancel3()
	<-ran
	fmt.Println("after func ran")
	fmt.Println(work(context.Background(), "fast", time.Millisecond))
	wo := context.WithoutCancel(parent)
	fmt.Println(wo.Err(), wo.Value(key("req")))
	fmt.Println(context.Background(), context.TODO())
}
