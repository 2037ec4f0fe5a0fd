package main

import "fmt"

func main() {
	for i := range 4 {
		fmt.Print(i, " ")
	}
	fmt.Println()
	n := 0
	for range 5 {
		n++
	}
	fmt.Println(n)
	const rows = 3
	for r := range rows {
		for c := range r + 1 {
			fmt.Print(r*c, " ")
		}
		fmt.Println()
	}
	var big int64 = 2
	for i := range big {
		fmt.Printf("%T %d\n", i, i)
	}
}
