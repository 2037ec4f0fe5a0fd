package main

import "fmt"

func main() {
	var funcs []func() int
	for i := 0; i < 3; i++ {
		funcs = append(funcs, func() int { return i * i })
	}
	for _, f := range funcs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	var names []func() string
	for _, s := range []string{"x", "y", "z"} {
		names = append(names, func() string { return s })
	}
	for _, f := range names {
		fmt.Print(f())
	}
	fmt.Println()
	shared := 0
	var adders []func()
	for i := range 4 {
		adders = append(adders, func() { shared += i })
	}
	for _, a := range adders {
		a()
	}
	fmt.Println(shared)
	acc := func() func(int) int {
		sum := 0
		return func(x int) int {
			sum += x
			return sum
		}
	}()
	fmt.Println(acc(1), acc(2), acc(3))
	j := 0
	var later []func() int
	for j < 3 {
		later = append(later, func() int { return j })
		j++
	}
	fmt.Println(later[0](), later[2]())
}
