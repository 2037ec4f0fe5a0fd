package main

import "fmt"

type Op func(int) int

func lookups(ops map[string]Op, counts map[string]int, xs []any) {
	for _, k := range []string{"double", "half"} {
		op, ok := ops[k]
		n, seen := counts[k]
		fmt.Println(k, op == nil, ok, n, seen)
	}
	for _, x := range xs {
		s, isString := x.(string)
		fmt.Printf("%q %v\n", s, isString)
	}
}

func double(a *[3]int) {
	for i := range a {
		a[i] *= 2
	}
}

func count(xs ...any) int { return len(xs) }

func main() {
	words := []string{"go", "run", "it"}
	var i int
	var w string
	for i, w = range words {
	}
	fmt.Println(i, w)
	for i = range "héllo" {
	}
	fmt.Println(i)
	for i := range "añb" {
		fmt.Print(i, " ")
	}
	fmt.Println()
	lookups(map[string]Op{"double": func(x int) int { return 2 * x }}, map[string]int{"double": 5}, []any{"a", 1, "b"})
	a := [3]int{1, 2, 3}
	double(&a)
	for _, v := range &a {
		fmt.Print(v, " ")
	}
	fmt.Println(a)
	in := make(<-chan string)
	fmt.Printf("%T %d\n", in, cap(make(chan<- int, 2)))
	xs := []any{1, 2}
	fmt.Println(count(xs), count(xs...), count(xs, 3))
	const c = 10
	var f float64 = c / 4
	fmt.Println(f, float32(c/3.0), real(3+4i), complex64(complex(0.5, 0.25)))
}
