package main

import (
	"errors"
	"fmt"
	"math"
	"time"
)

type MyError struct {
	When time.Time
	What string
}

func (e *MyError) Error() string {
	return fmt.Sprintf("at %v, %s", e.When.Format("2006-01-02"), e.What)
}

func run() error {
	return &MyError{time.Date(2009, 11, 10, 23, 0, 0, 0, time.UTC), "it didn't work"}
}

type ErrNegativeSqrt float64

func (e ErrNegativeSqrt) Error() string {
	return fmt.Sprintf("cannot Sqrt negative number: %v", float64(e))
}

func Sqrt(x float64) (float64, error) {
	if x < 0 {
		return 0, ErrNegativeSqrt(x)
	}
	z := 1.0
	for i := 0; i < 10; i++ {
		z -= (z*z - x) / (2 * z)
	}
	return math.Round(z*1e6) / 1e6, nil
}

func main() {
	if err := run(); err != nil {
		fmt.Println(err)
		var me *MyError
		fmt.Println(errors.As(err, &me), me.What)
	}
	fmt.Println(Sqrt(2))
	fmt.Println(Sqrt(-2))
	_, err := Sqrt(-9)
	fmt.Printf("%v | %T\n", err, err)
	var target ErrNegativeSqrt
	wrapped := fmt.Errorf("solver: %w", err)
	fmt.Println(wrapped, errors.As(wrapped, &target), float64(target))
	fmt.Println(errors.Unwrap(wrapped) == err)
}
