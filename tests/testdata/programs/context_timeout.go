package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

func query(ctx context.Context, d time.Duration) (string, error) {
	select {
	case <-time.After(d):
		return "rows", nil
	case <-ctx.Done():
		return "", fmt.Errorf("query: %w", ctx.Err())
	}
}

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Millisecond)
	defer cancel()
	fmt.Println(query(ctx, time.Millisecond))
	_, err := query(ctx, 300*time.Millisecond)
	fmt.Println(err, errors.Is(err, context.DeadlineExceeded))
	_, hasDeadline := ctx.Deadline()
	fmt.Println(hasDeadline, ctx.Err())
	dl, cancel2 := context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
	defer cancel2()
	fmt.Println(dl.Err())
	fmt.Println(context.Background().Err(), context.TODO() != nil)
	_, none := context.Background().Deadline()
	fmt.Println(none)
}
