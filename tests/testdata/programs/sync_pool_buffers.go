package main

import (
	"bytes"
	"fmt"
	"sync"
	"sync/atomic"
)

var created atomic.Int32 // New runs on the goroutines that find the pool empty, at once

var bufPool = sync.Pool{
	New: func() any {
		created.Add(1)
		return new(bytes.Buffer)
	},
}

func render(name string, n int) string {
	buf := bufPool.Get().(*bytes.Buffer)
	defer bufPool.Put(buf)
	buf.Reset()
	fmt.Fprintf(buf, "%s:%d", name, n)
	return buf.String()
}

func main() {
	for i := range 3 {
		fmt.Println(render("item", i))
	}
	fmt.Println("created at least one:", created.Load() >= 1)
	var wg sync.WaitGroup
	var mu sync.Mutex
	out := map[string]bool{}
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := render("g", i)
			mu.Lock()
			out[s] = true
			mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println(len(out), out["g:7"])
	empty := sync.Pool{}
	fmt.Println(empty.Get() == nil)
	once := sync.OnceValue(func() int {
		fmt.Println("computing once")
		return 42
	})
	fmt.Println(once(), once())
}
