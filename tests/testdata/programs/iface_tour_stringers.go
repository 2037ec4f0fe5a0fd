package main

import (
	"fmt"
	"strings"
)

type IPAddr [4]byte

func (ip IPAddr) String() string {
	parts := make([]string, len(ip))
	for i, b := range ip {
		parts[i] = fmt.Sprint(b)
	}
	return strings.Join(parts, ".")
}

type Person struct {
	Name string
	Age  int
}

func (p Person) String() string { return fmt.Sprintf("%v (%v years)", p.Name, p.Age) }

type Temp float64

func (t *Temp) String() string { return fmt.Sprintf("%.1f°C", float64(*t)) }

type Color int

const (
	Red Color = iota
	Green
	Blue
)

func (c Color) String() string { return [...]string{"Red", "Green", "Blue"}[c] }

func main() {
	hosts := map[string]IPAddr{"loopback": {127, 0, 0, 1}, "googleDNS": {8, 8, 8, 8}}
	for _, name := range []string{"loopback", "googleDNS"} {
		fmt.Printf("%v: %v\n", name, hosts[name])
	}
	a := Person{"Arthur Dent", 42}
	z := Person{"Zaphod Beeblebrox", 9001}
	fmt.Println(a, z)
	fmt.Printf("%v|%s|%+v|%d\n", a, a, a, a)
	t := Temp(21.5)
	fmt.Println(t, &t)
	fmt.Println(Green, []Color{Red, Blue}, map[Color]int{Blue: 2})
	fmt.Printf("%v %d %s %q %x\n", Blue, Blue, Blue, Blue, Blue)
	var s fmt.Stringer = hosts["loopback"]
	fmt.Println(s.String(), len(hosts))
	fmt.Println([]Person{a}, []*Person{&a}[0])
}
