package main

import "fmt"

func inner() {
	defer func() {
		r := recover()
		fmt.Println("inner recovered:", r)
		panic(fmt.Sprint("again: ", r))
	}()
	panic("first")
}

func outer() (msg string) {
	defer func() {
		msg = fmt.Sprint("outer recovered: ", recover())
	}()
	inner()
	return "unreachable"
}

func main() {
	fmt.Println(outer())
	defer fmt.Println("deferred before the crash runs")
	var m map[string]int
	m["boom"] = 1
}
