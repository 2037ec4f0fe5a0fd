package main

import "fmt"

type Number interface {
	~int | ~int64 | ~float64
}

type Meters float64

func Sum[T Number](xs ...T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func MaxOf[T interface{ ~int | ~string }](a, b T) T {
	if a > b {
		return a
	}
	return b
}

func Keys[K comparable, V any](m map[K]V) int { return len(m) }

func main() {
	fmt.Println(Sum(1, 2, 3))
	fmt.Println(Sum(1.5, 2.25))
	fmt.Println(Sum[Meters](1, 2.5))
	fmt.Printf("%T\n", Sum[Meters](1))
	fmt.Println(MaxOf("pear", "apple"), MaxOf(3, 9))
	fmt.Println(Keys(map[string]bool{"a": true, "b": false}))
}
