package main

import "fmt"

var (
	area   = width * height
	width  = base + 2
	height = base * 3
	base   = seed()
	label  = fmt.Sprintf("%dx%d=%d", width, height, area)
)

func seed() int { return 4 }

func main() {
	fmt.Println(area, width, height, base)
	fmt.Println(label)
}
