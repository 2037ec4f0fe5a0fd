package main

import "fmt"

type Celsius float64

type Named interface{ Name() string }

type Dog struct{}

func (Dog) Name() string { return "dog" }

func classify(v any) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case int, int64:
		return fmt.Sprintf("integer %v", x)
	case string:
		return "string of " + fmt.Sprint(len(x))
	case Celsius:
		return fmt.Sprintf("celsius %.1f", float64(x))
	case Named:
		return "named " + x.Name()
	case error:
		return "error " + x.Error()
	case []int:
		return fmt.Sprint("ints ", len(x))
	default:
		return fmt.Sprintf("other %T", x)
	}
}

func main() {
	for _, v := range []any{nil, 3, int64(4), "hey", Celsius(36.6), Dog{}, fmt.Errorf("bad"), []int{1, 2}, 2.5} {
		fmt.Println(classify(v))
	}
}
