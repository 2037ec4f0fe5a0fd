package main

import (
	"crypto/md5"
	"fmt"
	"sort"
	"sync"
)

type result struct {
	name string
	sum  [md5.Size]byte
}

func digestAll(files map[string]string, limit int) []result {
	names := make(chan string)
	out := make(chan result)
	var wg sync.WaitGroup
	for range limit {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := range names {
				out <- result{n, md5.Sum([]byte(files[n]))}
			}
		}()
	}
	go func() {
		for n := range files {
			names <- n
		}
		close(names)
	}()
	go func() {
		wg.Wait()
		close(out)
	}()
	var rs []result
	for r := range out {
		rs = append(rs, r)
	}
	sort.Slice(rs, func(i, j int) bool { return rs[i].name < rs[j].name })
	return rs
}

func main() {
	files := map[string]string{"a.txt": "alpha", "b.txt": "beta", "c.txt": "", "d.txt": "delta delta"}
	for _, r := range digestAll(files, 2) {
		fmt.Printf("%x  %s\n", r.sum, r.name)
	}
}
