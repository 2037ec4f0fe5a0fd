package main

import "fmt"

func try(name string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Printf("%s: %v\n", name, r)
		}
	}()
	f()
	fmt.Println(name + ": fine")
}

func main() {
	try("close once", func() {
		ch := make(chan int)
		close(ch)
	})
	try("close twice", func() {
		ch := make(chan int)
		close(ch)
		close(ch)
	})
	try("send on closed", func() {
		ch := make(chan int, 1)
		close(ch)
		ch <- 1
	})
	try("close nil", func() {
		var ch chan int
		close(ch)
	})
	try("receive from closed", func() {
		ch := make(chan string)
		close(ch)
		fmt.Printf("%q\n", <-ch)
	})
}
