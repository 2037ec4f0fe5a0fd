package main

import (
	"errors"
	"fmt"
	"runtime"
)

type Config struct {
	Name string
	Opts map[string]string
}

func try(name string, f func()) {
	defer func() {
		r := recover()
		var re runtime.Error
		if err, ok := r.(error); ok && errors.As(err, &re) {
			fmt.Printf("%s: runtime error: %v\n", name, re)
			return
		}
		fmt.Printf("%s: %v\n", name, r)
	}()
	f()
}

func main() {
	try("nil map write", func() {
		var m map[string]int
		m["a"] = 1
	})
	try("nil pointer", func() {
		var c *Config
		fmt.Println(c.Name)
	})
	try("nil map in struct", func() {
		c := Config{Name: "x"}
		fmt.Println("read ok:", c.Opts["k"] == "")
		c.Opts["k"] = "v"
	})
	try("type assertion", func() {
		var v any = "str"
		_ = v.(int)
	})
	try("divide", func() {
		a, b := 1, 0
		fmt.Println(a / b)
	})
	try("custom", func() { panic(fmt.Sprintf("bad value %d", 42)) })
	try("error value", func() { panic(errors.New("boxed")) })
	try("closed channel", func() {
		ch := make(chan int)
		close(ch)
		close(ch)
	})
	var m map[string][]int
	fmt.Println(len(m["x"]), m == nil)
	m["x"] = append(m["x"], 1)
	fmt.Println("unreachable")
}
