package main

import "fmt"

type Point struct {
	X, Y int
}

type Line struct {
	From, To Point
	Label    string
	Tags     []string
}

type ID int

type Names []string

type Lookup map[string]Point

func main() {
	p := Point{1, 2}
	l := Line{From: p, To: Point{3, 4}, Label: "diag"}
	fmt.Printf("%v | %+v | %T\n", p, p, p)
	fmt.Printf("%v | %+v\n", l, l)
	fmt.Printf("%#v\n", p)
	fmt.Printf("%v %T\n", &p, &p)
	fmt.Printf("%v %T\n", []Point{p, {5, 6}}, []Point{})
	fmt.Printf("%v %d %T\n", ID(7), ID(7), ID(7))
	fmt.Printf("%v %T %d\n", Names{"a", "b"}, Names{}, len(Names{"x"}))
	fmt.Printf("%v %T\n", Lookup{"o": {}}, Lookup{})
	var any1 any = l
	fmt.Printf("%T %T\n", any1, &l)
	fmt.Println(p, &p, []*Point{} == nil)
	fmt.Printf("%T %T\n", struct{ A int }{}, func(int) string { return "" })
}
