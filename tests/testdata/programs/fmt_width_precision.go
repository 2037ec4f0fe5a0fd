package main

import "fmt"

type point struct {
	X, Y int
}

func main() {
	p := point{3, -4}
	fmt.Printf("%v|%+v|%#v|%T\n", p, p, p, p)
	fmt.Printf("[%8.3f][%-8.2f][%08.3f][% .1f]\n", 3.14159, 2.5, -1.5, 7.25)
	fmt.Printf("[%6s][%-6s][%.2s][%6.1s]\n", "abc", "abc", "abc", "abc")
	fmt.Printf("%q %q %+q %#q\n", "tab\there", 'é', "héllo", "back`tick")
	fmt.Printf("%x % x %X %#x\n", "Go!", []byte("Go!"), "hi", []byte{1, 171})
	fmt.Printf("%U %#U %c\n", 'ä', '⌘', 0x1F600)
	fmt.Printf("%v %d %s\n", []int{1, 2}, [3]int{4, 5, 6}, []string{"x", "y"})
	fmt.Printf("%5t|%-7v|%3d|\n", false, nil, 12345)
	fmt.Printf("%e %E %.3g %g\n", 123456.789, 0.000123, 123456.789, 1e-7)
	fmt.Printf("%b %o %O %x\n", 10, 64, 64, -255)
	fmt.Printf("%*d|%-*d|%.*f\n", 6, 42, 4, 7, 2, 3.14159)
	fmt.Printf("%[2]d %[1]d %[2]d\n", 10, 20)
	fmt.Printf("%!|%z|%d\n", 1, 2)
	s := fmt.Sprintf("%-10s|%10s|", "left", "right")
	fmt.Println(s, len(s))
	var ip *int
	fmt.Printf("%v %t %v\n", ip == nil, ip == nil, map[string]bool{"b": true, "a": false})
	fmt.Printf("%6.2f%%\n", 12.3456)
	fmt.Printf("%x %X\n", 3.5, "ÿ")
}
