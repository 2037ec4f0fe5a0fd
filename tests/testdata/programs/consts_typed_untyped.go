package main

import (
	"fmt"
	"math"
)

const (
	Big            = 1 << 100
	Small          = Big >> 99
	Pi2            = math.Pi * 2
	Typed    int64 = 1 << 40
	Greeting       = "hello" + ", " + "world"
)

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
)

const (
	_  = iota
	KB = 1 << (10 * iota)
	MB
	GB
)

func needFloat(x float64) float64 { return x * 0.1 }
func needInt(x int) int           { return x*10 + 1 }

func main() {
	fmt.Println(Small, needInt(Small), needFloat(Small), needFloat(Big))
	fmt.Println(Big/1e29 > 1, Pi2, float32(Pi2))
	fmt.Printf("%T %T %T %T\n", Small, Typed, Greeting, Monday)
	fmt.Println(KB, MB, GB, Tuesday, Monday+Tuesday)
	const c = 10
	var f float64 = c / 4
	var i int = c / 4
	fmt.Println(f, i, c/4.0, 10/4*4.0)
	x := 'a' + 1
	fmt.Printf("%v %T %c\n", x, x, x)
	const huge = 1e300 * 1e300 / 1e300
	fmt.Println(huge)
	var u8 uint8 = 255
	fmt.Println(u8+1, ^u8, -u8)
	fmt.Println(math.MaxInt64, math.MinInt64, math.MaxUint32, uint64(math.MaxUint64))
	fmt.Println(len(Greeting), Greeting[0], Greeting[7:])
	const typedF float32 = 0.1
	fmt.Println(typedF, float64(typedF) == 0.1, 0.1+0.2 == 0.3)
	a, b := 0.1, 0.2
	fmt.Println(a+b == 0.3, a+b)
	fmt.Println(1<<10, 1<<62, -1>>1, 7>>1, -7>>1)
	var sh uint = 3
	fmt.Println(1<<sh, int8(1)<<6)
}
