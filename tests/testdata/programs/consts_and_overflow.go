package main

import (
	"fmt"
	"math"
)

const (
	Big   = 1 << 100
	Small = Big >> 98
	Pi2   = math.Pi * 2
	Greet = "hi" + " there"
)

type Size uint8

func main() {
	fmt.Println(Small, Greet, len(Greet))
	fmt.Printf("%.4f %T\n", Pi2, Pi2)
	var x int8 = 127
	x++
	fmt.Println(x)
	var u uint8 = 0
	u--
	sz := Size(250)
	sz += 10
	fmt.Println(u, sz)
	fmt.Println(math.MaxInt64, math.MinInt64, math.MaxUint32)
	fmt.Println(7/2, -7/2, 7%3, -7%3, 7.0/2)
	fmt.Println(math.Sqrt(2), math.Inf(1), -math.Inf(1), math.NaN() == math.NaN())
	var f float64 = 1 << 62
	fmt.Println(int64(f), uint16(70000%65536), 1e3)
	fmt.Println(0x1F, 0o17, 0b101, 1_000_000, 'a'+1)
}
