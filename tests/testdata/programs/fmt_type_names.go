package main

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"time"
)

type Celsius float64
type Pair struct{ A, B int }
type Shape interface{ Area() float64 }
type Square struct{ S float64 }

func (s Square) Area() float64 { return s.S * s.S }

type Handler func(string) error

func main() {
	var sh Shape = Square{2}
	values := []any{
		1, int8(1), uint(2), 3.0, float32(3), 2i, 'x', byte('x'), "s", true, nil,
		[]int{1}, [3]string{}, map[string][]int{}, struct{}{}, &Pair{},
		Pair{}, Celsius(1), sh, &sh, make(chan int), make(<-chan string),
		func(int) string { return "" }, Handler(nil), errors.New("e"),
		fmt.Errorf("w: %w", os.ErrNotExist), time.Second, time.Time{}, &strings.Builder{},
		&sync.Mutex{}, []any{1, "a"}, [][]Pair{}, map[Pair]*Square{},
		struct {
			X int
			y string
		}{},
		os.ErrNotExist,
	}
	for i, v := range values {
		fmt.Printf("%2d %T\n", i, v)
	}
	fmt.Printf("%T %T\n", main, fmt.Println)
	fmt.Printf("%T\n", Square.Area)
	fmt.Printf("%T\n", sh.Area)
	fmt.Printf("%v\n", sh)
}
