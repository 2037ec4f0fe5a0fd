package main

import (
	"bytes"
	"fmt"
	"io"
	"strings"
)

type Named interface{ Name() string }

type Greeter interface {
	Named
	Greet() string
}

type english struct{ name string }

func (e english) Name() string  { return e.name }
func (e english) Greet() string { return "Hello, " + e.name }

type shout struct{ Greeter }

func (s shout) Greet() string { return strings.ToUpper(s.Greeter.Greet()) }

func main() {
	var g Greeter = english{"Ada"}
	fmt.Println(g.Name(), g.Greet())
	g = shout{g}
	fmt.Println(g.Name(), g.Greet())
	var n Named = g
	_, isGreeter := n.(Greeter)
	fmt.Println(isGreeter)
	var buf bytes.Buffer
	var rw io.ReadWriter = &buf
	fmt.Fprintf(rw, "written %d", 42)
	data, _ := io.ReadAll(rw)
	fmt.Println(string(data), buf.Len())
}
