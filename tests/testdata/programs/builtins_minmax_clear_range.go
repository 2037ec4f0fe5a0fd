package main

import "fmt"

func main() {
	fmt.Println(min(3, 1, 2), max(3, 1, 2), min(2.5, 1), max("apple", "pear", "fig"))
	x, y := 7, 4
	fmt.Println(min(x, y), max(x, y, 10), min(x))
	fmt.Println(max(0.1, -0.0), min(-1.5, float64(x)))
	m := map[string]int{"a": 1, "b": 2}
	s := []int{1, 2, 3}
	clear(m)
	clear(s)
	fmt.Println(m, len(m), s, len(s))
	for i := range 3 {
		fmt.Print(i, " ")
	}
	fmt.Println()
	n := 0
	for range 5 {
		n++
	}
	fmt.Println(n)
	var u8 uint8 = 3
	for i := range u8 {
		fmt.Printf("%T:%d ", i, i)
	}
	fmt.Println()
	const c = 2
	for i := range c {
		fmt.Print(i)
	}
	fmt.Println()
	var fns []func() int
	for i := range 3 {
		fns = append(fns, func() int { return i * 10 })
	}
	for _, f := range fns {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	defer fmt.Println()
	for i := 0; i < 3; i++ {
		defer func() { fmt.Print("d", i, " ") }()
	}
	fmt.Println(len("héllo"), cap(make([]int, 2, 8)), len([5]int{}))
}
