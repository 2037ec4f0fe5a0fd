package main

import (
	"errors"
	"fmt"
	"runtime"
)

type point struct{ X int }

func try(name string, f func()) {
	defer func() {
		r := recover()
		_, isRuntime := r.(runtime.Error)
		fmt.Printf("%s: %v (runtime.Error: %v)\n", name, r, isRuntime)
	}()
	f()
}

func main() {
	var p *point
	var m map[string]int
	var a any = 3
	zero := 0
	try("nil pointer", func() { fmt.Println(p.X) })
	try("nil map", func() { m["k"] = 1 })
	try("assertion", func() { fmt.Println(a.(string)) })
	try("division", func() { fmt.Println(10 / zero) })
	try("string", func() { panic("reflect: slice index out of range") })
	try("error", func() { panic(errors.New("1:2: runtime error: made up")) })
}
