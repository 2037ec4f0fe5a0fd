package main

import "fmt"

// Constants as go/types computes them: iota of a float type, repeated specs, several names
// a spec, big untyped values, runes, local constants.
type ByteSize float64

const (
	_           = iota
	KB ByteSize = 1 << (10 * iota)
	MB
	GB
)

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
)

const big = 1 << 100

const (
	a, b = iota, iota * 10
	c, d
)

type Flags uint8

const (
	Read Flags = 1 << iota
	Write
	Exec
)

func main() {
	fmt.Println(KB, MB, GB, Sunday, Monday, Tuesday, big>>98, a, b, c, d)
	fmt.Printf("%T %T %v %b\n", MB, Tuesday, Read|Exec, Write)
	const local = 'x' + 1
	fmt.Println(local, string(rune(local)))
}

type Temp float64

// Typed float constants, folded where a min is one.
const (
	freezing Temp    = 0
	boiling  Temp    = 100 * 1.0
	half     float64 = max(1, 2.5) / 2
	third            = 1.0 / 3
)

func init() {
	fmt.Println(freezing, boiling, half, third*3 == 1, float32(0.1))
}
