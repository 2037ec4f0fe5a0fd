package main

import (
	"fmt"
	"strings"
)

type Reader interface {
	Read() (string, bool)
}

type Writer interface {
	Write(s string) int
}

type ReadWriter interface {
	Reader
	Writer
}

type queue struct {
	items []string
}

func (q *queue) Write(s string) int {
	q.items = append(q.items, s)
	return len(q.items)
}

func (q *queue) Read() (string, bool) {
	if len(q.items) == 0 {
		return "", false
	}
	s := q.items[0]
	q.items = q.items[1:]
	return s, true
}

func drain(r Reader) []string {
	var out []string
	for s, ok := r.Read(); ok; s, ok = r.Read() {
		out = append(out, strings.ToUpper(s))
	}
	return out
}

func main() {
	var rw ReadWriter = &queue{}
	rw.Write("a")
	fmt.Println(rw.Write("b"))
	var w Writer = rw
	w.Write("c")
	r, ok := w.(Reader)
	fmt.Println(ok, drain(r))
	_, ok = any(queue{}).(Writer)
	fmt.Println(ok)
	fmt.Printf("%T %v\n", rw, rw)
	var empty ReadWriter
	fmt.Println(empty == nil)
	_, isRW := any(&queue{}).(ReadWriter)
	fmt.Println(isRW)
}
