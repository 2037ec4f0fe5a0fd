package main

import (
	"fmt"
	"os"
)

func validate(args []string) int {
	if len(args) < 2 {
		fmt.Println("usage: prog NAME")
		return 3
	}
	return 0
}

func main() {
	defer fmt.Println("deferred: not printed, os.Exit skips it")
	fmt.Println("checking arguments")
	if code := validate([]string{"prog"}); code != 0 {
		os.Exit(code)
	}
	fmt.Println("not reached")
}
