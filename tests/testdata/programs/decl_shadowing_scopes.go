package main

import (
	"fmt"
	"strconv"
)

var x = "package"

func parse(s string) (n int, err error) {
	if n, err := strconv.Atoi(s); err == nil {
		return n * 2, nil
	}
	return n, fmt.Errorf("bad %q", s)
}

func main() {
	fmt.Println(x)
	x := "main"
	fmt.Println(x)
	{
		x := "block"
		x += "!"
		fmt.Println(x)
	}
	fmt.Println(x)
	if x := 42; x > 10 {
		fmt.Println("if", x)
	} else if y := x * 2; y > 0 {
		fmt.Println("else", y)
	}
	for x := 0; x < 2; x++ {
		x := x * 10
		fmt.Println("loop", x)
	}
	fmt.Println(parse("21"))
	fmt.Println(parse("zz"))
	err := fmt.Errorf("outer")
	if true {
		v, err := strconv.Atoi("7")
		fmt.Println(v, err)
	}
	fmt.Println(err)
	a, b := 1, 2
	b, c := 3, 4
	fmt.Println(a, b, c)
}
