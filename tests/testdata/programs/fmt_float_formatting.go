package main

import (
	"fmt"
	"math"
	"strconv"
)

func main() {
	xs := []float64{0, 1, -1.5, 3.14159265, 1e21, 1e-7, 123456789.0, 0.1 + 0.2, math.MaxFloat64, math.SmallestNonzeroFloat64}
	for _, x := range xs {
		fmt.Printf("%v|%g|%e|%.3f|%8.2f|%G\n", x, x, x, x, x, x)
	}
	fmt.Println(math.Inf(1), math.Inf(-1), math.NaN(), -0.0, math.Copysign(0, -1))
	fmt.Printf("%f %v %.2f\n", math.Inf(1), math.NaN(), math.Pi)
	fmt.Println(float32(0.1), float64(float32(0.1)), 1.0, 2.50, 1e6, 1e20, 1e21)
	fmt.Println(strconv.FormatFloat(1.0/3, 'f', -1, 64), strconv.FormatFloat(1.0/3, 'f', -1, 32))
	fmt.Println(strconv.FormatFloat(2.5, 'e', 3, 64), strconv.FormatFloat(1234.5678, 'g', 5, 64))
	fmt.Println(math.Round(2.5), math.Round(-2.5), math.Floor(-2.5), math.Ceil(2.1), math.Trunc(-2.7))
	fmt.Println(math.RoundToEven(2.5), math.Mod(7, 3), math.Remainder(7, 3), math.Abs(-3))
	fmt.Println(7/2, -7/2, 7%3, -7%3, 7.0/2)
	var f32 float32 = 16777216
	fmt.Println(f32+1, float64(f32)+1)
	fmt.Printf("%6.2f%%\n", 45.678)
	fmt.Printf("%x %X\n", 1.5, 255.0)
	fmt.Printf("%v %v\n", complex(1, -2), complex64(complex(0.5, 0.25)))
	fmt.Printf("%.2f\n", complex(1.234, 5.678))
	fmt.Println(real(3+4i), imag(3+4i), math.Hypot(3, 4))
}
