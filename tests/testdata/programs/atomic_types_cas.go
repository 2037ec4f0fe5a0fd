package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type Config struct {
	Version int
	Name    string
}

func main() {
	var ops atomic.Uint64
	var legacy int64
	var wg sync.WaitGroup
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for c := 0; c < 100; c++ {
				ops.Add(1)
				atomic.AddInt64(&legacy, 2)
			}
		}()
	}
	wg.Wait()
	fmt.Println("ops:", ops.Load(), "legacy:", atomic.LoadInt64(&legacy))
	var flag atomic.Bool
	fmt.Println(flag.CompareAndSwap(false, true), flag.CompareAndSwap(false, true), flag.Load())
	var n atomic.Int32
	n.Store(10)
	fmt.Println(n.Swap(20), n.Load(), n.CompareAndSwap(20, 30), n.Load())
	var cfg atomic.Value
	cfg.Store(Config{1, "initial"})
	c := cfg.Load().(Config)
	fmt.Println(c.Version, c.Name)
	var winners atomic.Int64
	var once sync.WaitGroup
	var claimed int32
	for i := 0; i < 10; i++ {
		once.Add(1)
		go func() {
			defer once.Done()
			if atomic.CompareAndSwapInt32(&claimed, 0, 1) {
				winners.Add(1)
			}
		}()
	}
	once.Wait()
	fmt.Println("winners:", winners.Load(), "claimed:", atomic.LoadInt32(&claimed))
	var p atomic.Pointer[Config]
	fmt.Println(p.Load() == nil)
	p.Store(&Config{2, "next"})
	fmt.Println(p.Load().Name)
}
