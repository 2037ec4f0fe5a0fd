package main

import (
	"fmt"
	"strings"
)

type item struct {
	name  string
	qty   int
	price float64
}

func main() {
	items := []item{{"apple", 3, 0.5}, {"watermelon", 1, 3.25}, {"fig", 12, 0.2}}
	fmt.Printf("%-12s|%5s|%8s\n", "NAME", "QTY", "PRICE")
	fmt.Println(strings.Repeat("-", 27))
	total := 0.0
	for _, it := range items {
		sub := float64(it.qty) * it.price
		total += sub
		fmt.Printf("%-12s|%5d|%8.2f\n", it.name, it.qty, sub)
	}
	fmt.Printf("%-12s|%5s|%8.2f\n", "total", "", total)
	fmt.Printf("[%*d] [%-*d]\n", 6, 42, 6, 42)
	fmt.Printf("[%.*f]\n", 2, 3.14159)
	fmt.Printf("%q %+q %#q\n", "héllo\n", "héllo", "back`tick")
	fmt.Printf("%q %q\n", 'a', '\t')
	fmt.Printf("%x % x %#x\n", "Go!", "Go!", "Go!")
	fmt.Printf("%10.3s|%-10s|\n", "abcdef", "ab")
	fmt.Printf("%[2]d %[1]d %d\n", 10, 20)
	fmt.Printf("%v %d\n", []byte("AB"), []byte("AB"))
	fmt.Printf("%s\n", []byte("bytes as string"))
	fmt.Printf("%t %v\n", false, 'a')
	s := fmt.Sprint("a", 1, 2, "b", "c", 3.0, nil)
	fmt.Println(s)
	fmt.Println(fmt.Sprintln("x", 1) + "|")
	fmt.Print("no", "space", 1, 2, "\n")
	fmt.Println(fmt.Sprintf("%05.1f|%-8.3e|", 3.14159, 12345.678))
	fmt.Printf("%3c|%-3c|\n", 'x', 'y')
	fmt.Printf("%08b\n", 37)
}
