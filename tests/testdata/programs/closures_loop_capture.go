package main

import "fmt"

func main() {
	var fs []func() int
	for i := 0; i < 4; i++ {
		fs = append(fs, func() int { return i * i })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	var names []func() string
	for _, s := range []string{"a", "b", "c"} {
		names = append(names, func() string { return s })
	}
	for _, f := range names {
		fmt.Print(f())
	}
	fmt.Println()
}
