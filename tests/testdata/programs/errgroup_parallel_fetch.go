package main

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"golang.org/x/sync/errgroup"
)

func fetch(ctx context.Context, url string) (string, error) {
	if strings.Contains(url, "bad") {
		return "", fmt.Errorf("fetch %s: %w", url, errors.New("404"))
	}
	select {
	case <-time.After(time.Duration(len(url)) * time.Millisecond):
		return strings.ToUpper(url), nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

func fetchAll(urls []string) ([]string, error) {
	g, ctx := errgroup.WithContext(context.Background())
	results := make([]string, len(urls))
	for i, u := range urls {
		g.Go(func() error {
			body, err := fetch(ctx, u)
			if err != nil {
				return err
			}
			results[i] = body
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	return results, nil
}

func main() {
	fmt.Println(fetchAll([]string{"a.io", "bb.io", "ccc.io"}))
	fmt.Println(fetchAll([]string{"a.io", "bad.io", "slowwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwww.io"}))
	var g errgroup.Group
	g.SetLimit(2)
	total := make([]int, 6)
	for i := range 6 {
		g.Go(func() error { total[i] = i * 2; return nil })
	}
	fmt.Println(g.Wait(), total)
	fmt.Println(g.TryGo(func() error { return nil }))
}
