package main

import (
	"fmt"
	"strings"
)

func gen(words ...string) <-chan string {
	out := make(chan string)
	go func() {
		defer close(out)
		for _, w := range words {
			out <- w
		}
	}()
	return out
}

func stage(in <-chan string, f func(string) string) <-chan string {
	out := make(chan string)
	go func() {
		defer close(out)
		for s := range in {
			out <- f(s)
		}
	}()
	return out
}

func filter(in <-chan string, keep func(string) bool) <-chan string {
	out := make(chan string, 1)
	go func() {
		defer close(out)
		for s := range in {
			if keep(s) {
				out <- s
			}
		}
	}()
	return out
}

func main() {
	src := gen("alpha", "beta", "gamma", "delta", "pi")
	upper := stage(src, strings.ToUpper)
	long := filter(upper, func(s string) bool { return len(s) > 2 })
	framed := stage(long, func(s string) string { return "<" + s + ">" })
	n := 0
	for s := range framed {
		n++
		fmt.Println(n, s)
	}
}
