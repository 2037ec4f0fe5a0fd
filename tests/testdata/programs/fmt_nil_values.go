package main

import (
	"errors"
	"fmt"
)

type Node struct {
	Val  int
	Next *Node
}

func find(ok bool) error {
	if ok {
		return nil
	}
	return errors.New("not found")
}

func main() {
	var err error
	var p *Node
	var m map[string]int
	var s []int
	var f func()
	var i any
	var ch chan int
	fmt.Println(err, p, m, s, i, ch)
	fmt.Printf("%v %v %v %v %v\n", err, p, m, s, i)
	fmt.Printf("%+v %#v\n", p, p)
	fmt.Printf("%#v %#v %#v\n", m, s, i)
	fmt.Println(f == nil, m == nil, s == nil, len(m), len(s))
	fmt.Printf("%d %s\n", s, s)
	n := &Node{Val: 1, Next: &Node{Val: 2}}
	fmt.Printf("%v\n", *n.Next)
	fmt.Printf("%+v\n", *n.Next)
	fmt.Println(find(true), find(false))
	if e := find(false); e != nil {
		fmt.Printf("error: %v (%T)\n", e, e)
	}
	fmt.Printf("%v %s\n", find(true), find(true))
	fmt.Printf("[%5v] [%-5v]\n", nil, nil)
	s = append(s, 1)
	m = map[string]int{}
	fmt.Println(s, m, s == nil, m == nil)
	var e2 *Node
	var iface any = e2
	fmt.Println(iface == nil, e2 == nil)
	fmt.Printf("%T %T %T\n", err, iface, i)
}
