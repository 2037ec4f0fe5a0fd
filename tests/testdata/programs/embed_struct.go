package main

import "fmt"

type Animal struct {
	Name string
	Legs int
}

func (a Animal) Describe() string { return fmt.Sprintf("%s has %d legs", a.Name, a.Legs) }
func (a *Animal) Rename(n string) { a.Name = n }

type Dog struct {
	Animal
	Breed string
}

func (d Dog) Describe() string { return d.Animal.Describe() + " and is a " + d.Breed }

type Logger struct{ prefix string }

func (l Logger) Log(s string) { fmt.Println(l.prefix + s) }

type Service struct {
	*Logger
	Dog
}

func main() {
	d := Dog{Animal{"Rex", 4}, "collie"}
	fmt.Println(d.Describe())
	d.Rename("Max")
	fmt.Println(d.Name, d.Legs)
	s := Service{&Logger{"[svc] "}, d}
	s.Log(s.Describe())
	fmt.Printf("%+v\n", d)
}
