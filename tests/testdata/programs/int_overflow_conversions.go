package main

import (
	"fmt"
	"math"
)

func main() {
	var i8 int8 = 127
	i8++
	fmt.Println(i8)
	var u uint = 0
	u--
	fmt.Println(u, u == math.MaxUint)
	var i32 int32 = math.MaxInt32
	fmt.Println(i32+1, i32*2)
	big := 300
	fmt.Println(int8(big), uint8(big), byte(big+1))
	neg := -1
	fmt.Println(uint8(neg), uint16(neg), uint32(neg))
	f := 3.99
	fmt.Println(int(f), int(-f), int64(1e18), uint8(int(f)))
	var x int64 = math.MaxInt64
	x++
	fmt.Println(x, x == math.MinInt64)
	fmt.Println(math.MaxInt8, math.MinInt8, math.MaxUint16)
	a := int16(-32768)
	fmt.Println(-a, a/-1)
	r := rune(0x1F600)
	fmt.Println(string(r), byte(r), int(r))
	fmt.Println(string(rune(65)), fmt.Sprint(65))
	var h uint32 = 2166136261
	for _, c := range []byte("abc") {
		h ^= uint32(c)
		h *= 16777619
	}
	fmt.Println(h)
	mul := uint64(0x9E3779B97F4A7C15)
	fmt.Println(mul*3, mul<<1)
	fmt.Println(5/2, -5/2, 5%-2, -5%2, 5.0/2)
	fmt.Println(7&3, 7|8, 7^2, 7&^5, ^0)
}
