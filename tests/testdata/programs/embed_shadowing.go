package main

import "fmt"

type Base struct {
	ID   int
	Name string
}

func (b *Base) SetName(n string) { b.Name = n }
func (b Base) Hello() string     { return fmt.Sprint("base ", b.ID, " ", b.Name) }

type Timestamps struct{ Created, Updated int }

func (t *Timestamps) Touch(now int) { t.Updated = now }

type Article struct {
	*Base
	Timestamps
	Name string
}

func (a Article) Hello() string { return "article " + a.Name + " / " + a.Base.Hello() }

func main() {
	a := Article{Base: &Base{ID: 1, Name: "inner"}, Name: "outer"}
	a.SetName("renamed")
	a.Touch(99)
	fmt.Println(a.Name, a.Base.Name, a.ID, a.Updated)
	fmt.Println(a.Hello())
	fmt.Println(a.Base.Hello())
	type helloer interface{ Hello() string }
	for _, h := range []helloer{a, *a.Base, &a} {
		fmt.Printf("%T: %s\n", h, h.Hello())
	}
}
