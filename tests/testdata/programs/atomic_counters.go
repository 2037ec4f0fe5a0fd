package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type Stats struct {
	requests atomic.Int64
	errors   atomic.Int32
	healthy  atomic.Bool
	name     atomic.Value
}

func main() {
	var s Stats
	s.healthy.Store(true)
	s.name.Store("api")
	var wg sync.WaitGroup
	for i := range 200 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s.requests.Add(1)
			if i%10 == 0 {
				s.errors.Add(1)
			}
		}()
	}
	wg.Wait()
	fmt.Println(s.requests.Load(), s.errors.Load(), s.healthy.Load(), s.name.Load())
	var old int32 = 5
	fmt.Println(atomic.CompareAndSwapInt32(&old, 5, 8), old)
	fmt.Println(atomic.CompareAndSwapInt32(&old, 5, 9), old)
	var u uint64
	atomic.AddUint64(&u, 10)
	fmt.Println(atomic.LoadUint64(&u), atomic.SwapUint64(&u, 1), u)
	fmt.Println(s.healthy.CompareAndSwap(true, false), s.healthy.Load())
	var p atomic.Pointer[string]
	msg := "hello"
	p.Store(&msg)
	fmt.Println(*p.Load())
}
