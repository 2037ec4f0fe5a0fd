package main

import (
	"fmt"
	"sync/atomic"
	"time"

	"golang.org/x/sync/errgroup"
)

func main() {
	var g errgroup.Group
	g.SetLimit(2)
	var running, peak atomic.Int32
	out := make([]string, 6)
	for i := range out {
		g.Go(func() error {
			n := running.Add(1)
			for {
				p := peak.Load()
				if n <= p || peak.CompareAndSwap(p, n) {
					break
				}
			}
			time.Sleep(5 * time.Millisecond)
			out[i] = fmt.Sprint("task", i)
			running.Add(-1)
			return nil
		})
	}
	fmt.Println(g.Wait(), out)
	fmt.Println("peak within limit:", peak.Load() <= 2)
	var g2 errgroup.Group
	g2.SetLimit(1)
	g2.Go(func() error { time.Sleep(10 * time.Millisecond); return nil })
	fmt.Println("TryGo while full:", g2.TryGo(func() error { return nil }))
	fmt.Println(g2.Wait())
}
