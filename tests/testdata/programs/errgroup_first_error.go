package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"golang.org/x/sync/errgroup"
)

func fetch(ctx context.Context, name string, d time.Duration, fail bool) error {
	select {
	case <-time.After(d):
		if fail {
			return fmt.Errorf("fetch %s: %w", name, errors.New("bad gateway"))
		}
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func main() {
	g, ctx := errgroup.WithContext(context.Background())
	g.Go(func() error { return fetch(ctx, "a", time.Millisecond, false) })
	g.Go(func() error { return fetch(ctx, "b", 10*time.Millisecond, true) })
	g.Go(func() error { return fetch(ctx, "c", 500*time.Millisecond, false) })
	err := g.Wait()
	fmt.Println("first error:", err)
	fmt.Println("context:", ctx.Err())

	var g2 errgroup.Group
	sums := make([]int, 3)
	for i := range sums {
		g2.Go(func() error {
			for n := 0; n <= i*10; n++ {
				sums[i] += n
			}
			return nil
		})
	}
	fmt.Println(g2.Wait(), sums)
}
