package main

import "fmt"

func main() {
	for i := range 3 {
		defer func() { fmt.Println("closure", i) }()
	}
	for _, w := range []string{"x", "y"} {
		defer func() { fmt.Println("word", w) }()
	}
	total := 0
	for i := 1; i <= 3; i++ {
		defer func() { total += i }()
	}
	fmt.Println("registered", total)
}
