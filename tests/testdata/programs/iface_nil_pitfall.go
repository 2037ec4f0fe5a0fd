package main

import "fmt"

type MyErr struct{}

func (*MyErr) Error() string { return "my error" }

func mayFail(fail bool) error {
	var p *MyErr
	if fail {
		p = &MyErr{}
	}
	return p
}

func mayFailRight(fail bool) error {
	if fail {
		return &MyErr{}
	}
	return nil
}

type Speaker interface{ Speak() string }

type Cat struct{ name string }

func (c *Cat) Speak() string {
	if c == nil {
		return "<silent nil cat>"
	}
	return c.name + " meows"
}

func main() {
	fmt.Println(mayFail(false) == nil, mayFailRight(false) == nil)
	fmt.Println(mayFail(true), mayFailRight(true))
	var c *Cat
	var s Speaker = c
	fmt.Println(s != nil, s.Speak())
	s = &Cat{"tom"}
	fmt.Println(s.Speak())
	var e error
	fmt.Printf("%v %T\n", e, e)
}
