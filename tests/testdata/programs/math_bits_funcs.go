package main

import (
	"fmt"
	"math"
	"math/bits"
)

func isPrime(n int) bool {
	if n < 2 {
		return false
	}
	for i := 2; i <= int(math.Sqrt(float64(n))); i++ {
		if n%i == 0 {
			return false
		}
	}
	return true
}

func main() {
	fmt.Println(math.Sqrt(2), math.Cbrt(27), math.Pow(2, 10), math.Pow(2, -1))
	fmt.Println(math.Exp(1), math.Log(math.E), math.Log2(1024), math.Log10(0.001))
	fmt.Printf("%.4f %.4f %.4f\n", math.Sin(math.Pi/6), math.Cos(0), math.Atan2(1, 1))
	fmt.Println(math.Max(3, 7), math.Min(-0.0, 0), math.Max(1, math.NaN()))
	fmt.Println(math.IsNaN(math.NaN()), math.IsInf(1/math.Inf(-1), 0), math.Signbit(-0.0))
	frac, exp := math.Frexp(8)
	ip, fp := math.Modf(-3.75)
	fmt.Println(frac, exp, ip, fp)
	var primes []int
	for n := range 40 {
		if isPrime(n) {
			primes = append(primes, n)
		}
	}
	fmt.Println(primes)
	fmt.Println(bits.OnesCount(255), bits.LeadingZeros64(1), bits.TrailingZeros(8), bits.Len(1023))
	fmt.Println(bits.Reverse8(1), bits.RotateLeft8(0b10010001, 1), bits.ReverseBytes16(0x1234) == 0x3412)
	hi, lo := bits.Mul64(1<<63, 4)
	sum, carry := bits.Add64(math.MaxUint64, 1, 0)
	fmt.Println(hi, lo, sum, carry)
	q, r := bits.Div64(0, 100, 7)
	fmt.Println(q, r, bits.UintSize)
	fmt.Println(math.Float64bits(1.0), math.Float64frombits(0x4000000000000000))
	fmt.Printf("%b\n", math.Float32bits(-2))
	fmt.Println(math.MaxInt, math.Nextafter(1, 2)-1)
	gcd := func(a, b int) int {
		for b != 0 {
			a, b = b, a%b
		}
		return a
	}
	fmt.Println(gcd(84, 36), gcd(17, 5))
}
