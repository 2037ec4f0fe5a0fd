package main

import "fmt"

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
	Wednesday
)

const (
	_  = iota
	KB = 1 << (10 * iota)
	MB
	GB
)

func (d Weekday) String() string {
	return [...]string{"Sun", "Mon", "Tue", "Wed"}[d]
}

func main() {
	fmt.Println(Sunday, Tuesday, Wednesday)
	fmt.Println(KB, MB, GB)
	fmt.Printf("%d %v\n", Monday, Monday)
}
