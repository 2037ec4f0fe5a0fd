package main

import (
	"fmt"
	"strings"
)

type Perm uint8

const (
	Read Perm = 1 << iota
	Write
	Exec
)

func (p Perm) String() string {
	var parts []string
	for i, name := range []string{"r", "w", "x"} {
		if p&(1<<i) != 0 {
			parts = append(parts, name)
		}
	}
	if len(parts) == 0 {
		return "-"
	}
	return strings.Join(parts, "|")
}

type ByteSize float64

const (
	_           = iota
	KB ByteSize = 1 << (10 * iota)
	MB
	GB
)

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
	_
	Thursday
)

const (
	a, b = iota, iota * 10
	c, d
)

func main() {
	p := Read | Exec
	fmt.Println(p, Read|Write|Exec, Perm(0), p&^Read)
	fmt.Printf("%d %v %08b\n", p, Write, p)
	fmt.Println(KB, MB, GB/MB)
	fmt.Printf("%.0f %T\n", MB, GB)
	fmt.Println(Sunday, Tuesday, Thursday)
	fmt.Println(a, b, c, d)
	p |= Write
	fmt.Println(p, p&Write == Write)
}
