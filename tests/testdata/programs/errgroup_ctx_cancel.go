package main

import (
	"context"
	"errors"
	"fmt"

	"golang.org/x/sync/errgroup"
)

func fetch(ctx context.Context, id int) (string, error) {
	if id == 3 {
		return "", fmt.Errorf("fetch %d: %w", id, errors.New("not found"))
	}
	select {
	case <-ctx.Done():
		return "", ctx.Err()
	default:
		return fmt.Sprintf("item-%d", id), nil
	}
}

func main() {
	g, ctx := errgroup.WithContext(context.Background())
	results := make([]string, 5)
	for i := range results {
		g.Go(func() error {
			if i == 3 {
				r, err := fetch(ctx, i)
				results[i] = r
				return err
			}
			return nil
		})
	}
	err := g.Wait()
	fmt.Println("error:", err)
	fmt.Println(ctx.Err())
	var g2 errgroup.Group
	g2.SetLimit(2)
	sums := make([]int, 4)
	for i := range sums {
		g2.Go(func() error {
			for k := 0; k <= i*10; k++ {
				sums[i] += k
			}
			return nil
		})
	}
	fmt.Println(g2.Wait(), sums)
}
