package main

import (
	"fmt"
	"strings"
)

type Counter struct{ n int }

func (c *Counter) Add(d int) { c.n += d }
func (c Counter) Get() int   { return c.n }

type Greeter string

func (g Greeter) Greet(name string) string { return string(g) + ", " + name }

func apply(fs []func(int), v int) {
	for _, f := range fs {
		f(v)
	}
}

func main() {
	var c Counter
	add := c.Add
	add(5)
	get := c.Get
	c.Add(1)
	fmt.Println(c.Get(), get())
	addExpr := (*Counter).Add
	addExpr(&c, 10)
	getExpr := Counter.Get
	fmt.Println(getExpr(c))
	fmt.Printf("%T | %T\n", addExpr, getExpr)
	apply([]func(int){c.Add, c.Add}, 2)
	fmt.Println(c.n)
	hello := Greeter("Hello").Greet
	fmt.Println(hello("gopher"))
	greet := Greeter.Greet
	fmt.Println(greet("Hi", "there"))
	up := strings.ToUpper
	fmt.Println(up("method values"))
	var b strings.Builder
	write := b.WriteString
	write("a")
	write("b")
	fmt.Println(b.String(), b.Len())
	counters := []*Counter{{1}, {2}}
	var gets []func() int
	for _, p := range counters {
		gets = append(gets, p.Get)
	}
	counters[0].Add(100)
	for _, g := range gets {
		fmt.Print(g(), " ")
	}
	fmt.Println()
}
