package main

import "fmt"

type Vec struct{ X, Y float64 }

func (v Vec) Add(o Vec) Vec      { return Vec{v.X + o.X, v.Y + o.Y} }
func (v *Vec) Scale(k float64)   { v.X *= k; v.Y *= k }
func (v Vec) String() string     { return fmt.Sprintf("(%g,%g)", v.X, v.Y) }
func (v Vec) Equal(o Vec) bool   { return v == o }
func move(v Vec, dx float64) Vec { v.X += dx; return v }

type Team struct {
	Name    string
	Members [3]string
}

func main() {
	a := Vec{1, 2}
	b := a
	b.Scale(3)
	fmt.Println(a, b, a.Add(b), a.Equal(Vec{1, 2}))
	c := move(a, 10)
	fmt.Println(a, c)
	t1 := Team{"red", [3]string{"x", "y", "z"}}
	t2 := t1
	t2.Members[0] = "changed"
	fmt.Println(t1.Members, t2.Members, t1 == t2)
	anon := struct {
		ID   int
		Tags []string
	}{7, []string{"a"}}
	fmt.Printf("%+v\n", anon)
	pa := &a
	pa.Scale(0.5)
	fmt.Println(a, *pa == a)
}
