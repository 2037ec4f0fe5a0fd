package main

import "fmt"

func trace(name string) func() {
	fmt.Println("enter", name)
	return func() { fmt.Println("leave", name) }
}

func nested() {
	defer trace("nested")()
	fmt.Println("working in nested")
}

func main() {
	defer fmt.Println("last")
	for i := 0; i < 3; i++ {
		defer fmt.Println("loop", i)
	}
	defer trace("main")()
	nested()
	fmt.Println("first")
}
