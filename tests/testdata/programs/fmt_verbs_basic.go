package main

import "fmt"

func main() {
	n, f, s := 42, 3.14159, "go"
	fmt.Printf("|%d|%5d|%-5d|%05d|%+d|\n", n, n, n, n, n)
	fmt.Printf("|%x|%X|%o|%b|%#x|%c|\n", n, n, n, n, n, n)
	fmt.Printf("|%f|%.2f|%8.3f|%e|%g|\n", f, f, f, f, f)
	fmt.Printf("|%s|%q|%5s|%-5s|%x|\n", s, s, s, s, s)
	fmt.Printf("|%t|%v|%v|%v|\n", true, nil, []string{"a"}, map[string]int{"k": 1})
	fmt.Printf("|%T|%T|%T|%T|%T|\n", n, f, s, 'x', []any{1})
	fmt.Printf("|%6.2f%%|%*d|\n", 99.5, 4, 7)
	fmt.Printf("%d %s\n", "str", 5)
	fmt.Printf("%d\n", 1, 2)
	fmt.Printf("%d %d\n", 1)
	fmt.Println(fmt.Sprint("a", 1, 2, "b"), fmt.Sprintln("x", 3) == "x 3\n")
	fmt.Printf("%v %.1f %v\n", 1e21, 2.0, float32(0.1))
	fmt.Printf("%08b %3c %-4q|\n", 5, 'A', 'z')
}
