package main

import "fmt"

type Point struct {
	X, Y int
}

type Line struct {
	Name  string
	Start Point
	End   *Point
	Tags  []string
	Meta  map[string]int
}

func main() {
	p := Point{1, 2}
	end := &Point{3, 4}
	l := Line{Name: "diag", Start: p, End: end, Tags: []string{"a", "b"}, Meta: map[string]int{"w": 2, "h": 1}}
	fmt.Printf("%v\n", p)
	fmt.Printf("%+v\n", p)
	fmt.Printf("%#v\n", p)
	fmt.Printf("%v\n", end)
	fmt.Printf("%+v\n", end)
	fmt.Printf("%#v\n", end)
	fmt.Printf("%+v\n", l.Start)
	fmt.Printf("%v %v\n", l.Tags, l.Meta)
	fmt.Printf("%#v\n", l.Tags)
	fmt.Printf("%#v\n", l.Meta)
	fmt.Printf("%q\n", l.Tags)
	fmt.Printf("%d\n", []int{1, 2, 3})
	fmt.Printf("%x %X\n", []byte("hi"), "hi")
	fmt.Printf("%v\n", [2]Point{{1, 2}, {3, 4}})
	fmt.Printf("%+v\n", []*Point{end}[0])
	fmt.Printf("%v\n", map[Point]string{{1, 1}: "one", {0, 0}: "origin"})
	fmt.Printf("%#v\n", struct {
		A int
		B string
	}{1, "x"})
	fmt.Printf("%v|%6.2f|%-6d|%06d\n", true, 3.14159, 42, -42)
	fmt.Printf("%s %v\n", []string{"x", "y"}, [][]int{{1}, {2, 3}})
	fmt.Printf("%5t|%-5t|\n", true, false)
	fmt.Printf("%08.3f|%+d|% d\n", 3.5, 5, 7)
	fmt.Printf("%c %U %#U\n", 'G', 'G', 'é')
	fmt.Printf("%o %#o %b %#x\n", 8, 8, 5, 255)
	fmt.Printf("%%d with missing: %d\n")
	fmt.Printf("extra: %d\n", 1, 2)
	fmt.Printf("wrong: %d\n", "str")
}
