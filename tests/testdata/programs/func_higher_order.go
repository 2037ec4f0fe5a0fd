package main

import (
	"fmt"
	"strings"
)

type Op func(float64, float64) float64

type Pipeline []func(string) string

func (p Pipeline) Run(s string) string {
	for _, f := range p {
		s = f(s)
	}
	return s
}

func mapInts(xs []int, f func(int) int) []int {
	out := make([]int, len(xs))
	for i, x := range xs {
		out[i] = f(x)
	}
	return out
}

func filter(xs []int, keep func(int) bool) []int {
	var out []int
	for _, x := range xs {
		if keep(x) {
			out = append(out, x)
		}
	}
	return out
}

func reduce(xs []int, init int, f func(int, int) int) int {
	acc := init
	for _, x := range xs {
		acc = f(acc, x)
	}
	return acc
}

func compose(fs ...func(int) int) func(int) int {
	return func(x int) int {
		for i := len(fs) - 1; i >= 0; i-- {
			x = fs[i](x)
		}
		return x
	}
}

func main() {
	ops := map[string]Op{
		"add": func(a, b float64) float64 { return a + b },
		"mul": func(a, b float64) float64 { return a * b },
	}
	for _, k := range []string{"add", "mul", "pow"} {
		if op, ok := ops[k]; ok {
			fmt.Println(k, op(3, 4))
		} else {
			fmt.Println(k, "unknown", op == nil)
		}
	}
	xs := []int{1, 2, 3, 4, 5, 6}
	sq := mapInts(xs, func(x int) int { return x * x })
	even := filter(sq, func(x int) bool { return x%2 == 0 })
	fmt.Println(sq, even, reduce(even, 0, func(a, b int) int { return a + b }))
	inc := func(x int) int { return x + 1 }
	dbl := func(x int) int { return x * 2 }
	fmt.Println(compose(inc, dbl)(5), compose(dbl, inc)(5), compose()(5))
	p := Pipeline{strings.TrimSpace, strings.ToUpper, func(s string) string { return s + "!" }}
	fmt.Println(p.Run("  hi there "))
	fmt.Printf("%T\n", ops["add"])
	var nilF func()
	fmt.Println(nilF == nil)
}
