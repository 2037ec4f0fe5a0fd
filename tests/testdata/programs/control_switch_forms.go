package main

import (
	"fmt"
	"time"
)

func classify(n int) string {
	switch {
	case n < 0:
		return "negative"
	case n == 0:
		return "zero"
	case n%2 == 0:
		return "even"
	default:
		return "odd"
	}
}

func describe(i any) string {
	switch v := i.(type) {
	case nil:
		return "nil"
	case int, int64:
		return fmt.Sprintf("integer %v", v)
	case string:
		return "string of " + fmt.Sprint(len(v))
	case error:
		return "error " + v.Error()
	case fmt.Stringer:
		return "stringer " + v.String()
	default:
		return fmt.Sprintf("other %T", v)
	}
}

func main() {
	for _, n := range []int{-3, 0, 4, 7} {
		fmt.Println(n, classify(n))
	}
	for i := 0; i < 4; i++ {
		switch i {
		case 0:
			fmt.Print("zero ")
			fallthrough
		case 1:
			fmt.Print("le-one ")
		case 2:
			fmt.Print("two ")
		default:
			fmt.Print("many ")
		}
	}
	fmt.Println()
	for _, v := range []any{nil, 3, int64(4), "hey", fmt.Errorf("boom"), time.Second, []int{1}, 2.5} {
		fmt.Println(describe(v))
	}
}
