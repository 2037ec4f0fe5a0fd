package main

import (
	"errors"
	"fmt"
	"runtime"
)

func safely(name string, f func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			if re, ok := r.(runtime.Error); ok {
				err = fmt.Errorf("%s: runtime error caught: %v", name, re.Error() != "")
				return
			}
			err = fmt.Errorf("%s: %v", name, r)
		}
	}()
	f()
	return nil
}

func main() {
	var m map[string]int
	var xs []int
	tasks := []struct {
		name string
		f    func()
	}{
		{"fine", func() {}},
		{"custom", func() { panic("bad input") }},
		{"error value", func() { panic(errors.New("wrapped")) }},
		{"nil map", func() { m["a"] = 1 }},
		{"index", func() { _ = xs[3] }},
	}
	for _, t := range tasks {
		fmt.Println(safely(t.name, t.f))
	}
	fmt.Println("all done")
}
