package main

import (
	"fmt"
	"strings"
)

type Step func(string) string

func logging(prefix string, next Step) Step {
	return func(s string) string {
		fmt.Println(prefix, "in:", s)
		out := next(s)
		fmt.Println(prefix, "out:", out)
		return out
	}
}

func accumulator() func(int) []int {
	var seen []int
	return func(n int) []int {
		seen = append(seen, n)
		return seen
	}
}

func main() {
	h := logging("outer", logging("inner", strings.ToUpper))
	fmt.Println(h("hi"))
	acc := accumulator()
	acc(1)
	acc(2)
	fmt.Println(acc(3))
	x := 10
	inc := func() { x++ }
	inc()
	inc()
	fmt.Println(x)
	adders := map[string]func(int) int{}
	for _, k := range []int{1, 10} {
		adders[fmt.Sprint("add", k)] = func(n int) int { return n + k }
	}
	fmt.Println(adders["add1"](5), adders["add10"](5))
}
