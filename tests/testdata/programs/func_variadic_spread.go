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

func join(sep string, parts ...string) string { return strings.Join(parts, sep) }

func logf(format string, args ...any) {
	fmt.Printf("[log] "+format+"\n", args...)
}

func count(xs ...any) (int, string) { return len(xs), fmt.Sprint(xs) }

func modify(xs ...int) { xs[0] = 100 }

func main() {
	fmt.Println(sum(), sum(1), sum(1, 2, 3))
	nums := []int{4, 5, 6}
	fmt.Println(sum(nums...))
	fmt.Println(join("-", "a", "b", "c"), join(","))
	logf("user %s has %d items", "ann", 3)
	logf("no args")
	args := []any{"x", 2}
	logf("%v and %v", args...)
	fmt.Println(count())
	fmt.Println(count(nil))
	fmt.Println(count([]any{1, 2}...))
	fmt.Println(count([]any{1, 2}))
	modify(nums...)
	fmt.Println(nums)
	all := append([]int{1}, nums...)
	all = append(all, []int{7, 8}...)
	fmt.Println(all)
	bs := append([]byte("go"), "pher"...)
	fmt.Println(string(bs))
	fmt.Println(fmt.Sprint(args...), fmt.Sprintln(args...))
	f := func(prefix string, xs ...float64) string { return fmt.Sprint(prefix, len(xs), xs) }
	fmt.Println(f("n="), f("n=", 1.5, 2))
}
