package main

import "fmt"

func show(label string, v int) { fmt.Println(label, v) }

func main() {
	x := 1
	defer show("deferred x", x)
	defer func() { fmt.Println("closure sees", x) }()
	x = 2
	p := &x
	defer fmt.Println("pointer target", *p)
	x = 3
	fmt.Println("main ends with", x)
}
