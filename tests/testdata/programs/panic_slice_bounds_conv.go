package main

import (
	"fmt"
	"strings"
)

type Shape interface{ Area() float64 }
type Sq struct{ s float64 }

func (q Sq) Area() float64 { return q.s * q.s }

func msg(f func()) (out string) {
	defer func() { out = fmt.Sprint(recover()) }()
	f()
	return "no panic"
}

func main() {
	s := make([]int, 3, 5)
	lo, hi := 2, 6
	fmt.Println(msg(func() { _ = s[lo:hi] }))
	fmt.Println(msg(func() { _ = s[hi-2 : lo] }))
	fmt.Println(msg(func() { _ = s[:hi-1] }))
	str := "héllo"
	fmt.Println(msg(func() { _ = str[hi] }))
	fmt.Println(msg(func() { _ = str[lo:hi] }))
	var sh Shape
	fmt.Println(msg(func() { _ = sh.Area() }))
	var any1 any = Sq{2}
	fmt.Println(msg(func() { _ = any1.(fmt.Stringer) }))
	fmt.Println(msg(func() { _ = any1.(*Sq) }))
	fmt.Println(msg(func() { _ = strings.Repeat("x", -1) }))
	fmt.Println(msg(func() { _ = make([]int, lo-hi) }))
	arr := [3]int{}
	fmt.Println(msg(func() { _ = arr[hi%4] }))
	fmt.Println(msg(func() { panic(nil) }))
	var p *Sq
	fmt.Println(msg(func() { _ = p.Area() }))
	fmt.Println(msg(func() {}))
}
