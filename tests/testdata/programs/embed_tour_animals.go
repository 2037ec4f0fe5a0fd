package main

import (
	"fmt"
	"strings"
)

type Logger struct {
	prefix string
	lines  []string
}

func (l *Logger) Log(msg string) { l.lines = append(l.lines, l.prefix+msg) }

type Animal interface {
	Sound() string
	Name() string
}

type Base struct{ name string }

func (b Base) Name() string  { return b.name }
func (b Base) Sound() string { return "..." }

type Dog struct {
	Base
	*Logger
	Breed string
}

func (d Dog) Sound() string { return "Woof" }

type Cat struct{ Base }

type Loud struct{ Animal }

func (l Loud) Sound() string { return strings.ToUpper(l.Animal.Sound()) + "!" }

func main() {
	lg := &Logger{prefix: "> "}
	d := Dog{Base{"rex"}, lg, "lab"}
	c := Cat{Base{"tom"}}
	animals := []Animal{d, c, Loud{d}, Loud{c}}
	for _, a := range animals {
		fmt.Printf("%s says %s (%T)\n", a.Name(), a.Sound(), a)
	}
	d.Log("fed " + d.name)
	d.Logger.Log("walked")
	fmt.Println(lg.lines, d.Base.Sound(), d.Sound())
	fmt.Printf("%+v\n", c)
	fmt.Printf("%v\n", Loud{c})
	var a Animal = Loud{Loud{c}}
	fmt.Println(a.Sound())
	if l, ok := a.(Loud); ok {
		fmt.Println("inner:", l.Animal.Sound())
	}
}
