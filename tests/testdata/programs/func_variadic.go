package main

import (
	"fmt"
	"strings"
)

func sum(nums ...int) int {
	total := 0
	for _, n := range nums {
		total += n
	}
	return total
}

func join(sep string, parts ...string) string {
	return strings.Join(parts, sep)
}

func describe(prefix string, vals ...any) string {
	return fmt.Sprintf("%s(%d): %v", prefix, len(vals), vals)
}

func appendAll(dst []int, more ...[]int) []int {
	for _, m := range more {
		dst = append(dst, m...)
	}
	return dst
}

func modify(xs ...int) {
	if len(xs) > 0 {
		xs[0] = -1
	}
}

func main() {
	fmt.Println(sum(), sum(1), sum(1, 2, 3))
	nums := []int{4, 5, 6}
	fmt.Println(sum(nums...))
	fmt.Println(join("-", "a", "b", "c"), join(","), join("+", []string{"x"}...))
	fmt.Println(describe("none"), describe("mix", 1, "two", 3.0, nil))
	args := []any{"q", true}
	fmt.Println(describe("spread", args...))
	fmt.Println(appendAll([]int{0}, []int{1, 2}, nil, []int{3}))
	modify(nums...)
	fmt.Println(nums)
	modify(7, 8)
	var fn func(...int) int = sum
	fmt.Printf("%T %d\n", fn, fn(10, 20))
	fmt.Println(append([]byte("ab"), "cd"...))
}
