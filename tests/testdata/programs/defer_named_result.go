package main

import (
	"errors"
	"fmt"
)

func double(n int) (result int) {
	defer func() { result *= 2 }()
	return n + 1
}

func safeDiv(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = errors.New(fmt.Sprint("recovered: ", r))
			q = -1
		}
	}()
	return a / b, nil
}

func main() {
	fmt.Println(double(4))
	fmt.Println(safeDiv(7, 2))
	fmt.Println(safeDiv(7, 0))
}
