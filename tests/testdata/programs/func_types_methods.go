package main

import (
	"fmt"
	"strings"
)

type Transform func(string) string

func (t Transform) Then(next Transform) Transform {
	return func(s string) string { return next(t(s)) }
}

type Handler interface {
	Handle(string) string
}

type HandlerFunc func(string) string

func (f HandlerFunc) Handle(s string) string { return f(s) }

func chain(hs ...Handler) string {
	out := "start"
	for _, h := range hs {
		out = h.Handle(out)
	}
	return out
}

func sum(nums ...int) (total int) {
	for _, n := range nums {
		total += n
	}
	return
}

func main() {
	up := Transform(strings.ToUpper)
	exclaim := Transform(func(s string) string { return s + "!" })
	fmt.Println(up.Then(exclaim)("hello"))
	fmt.Println(chain(HandlerFunc(strings.ToUpper), HandlerFunc(func(s string) string { return "[" + s + "]" })))
	fmt.Println(sum(), sum(1, 2), sum([]int{4, 5, 6}...))
	ops := map[string]func(int, int) int{
		"add": func(a, b int) int { return a + b },
		"mul": func(a, b int) int { return a * b },
	}
	fmt.Println(ops["add"](3, 4), ops["mul"](3, 4), ops["sub"] == nil)
}
