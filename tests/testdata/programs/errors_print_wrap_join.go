package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strconv"
)

var ErrNotFound = errors.New("not found")

type QueryError struct {
	Query string
	Err   error
}

func (e *QueryError) Error() string { return "query " + e.Query + ": " + e.Err.Error() }
func (e *QueryError) Unwrap() error { return e.Err }

func lookup(id int) error {
	if id < 0 {
		return &QueryError{strconv.Itoa(id), ErrNotFound}
	}
	return nil
}

func main() {
	err := lookup(-1)
	wrapped := fmt.Errorf("handler: %w", err)
	fmt.Println(wrapped)
	fmt.Printf("%v | %s | %q\n", err, err, err)
	fmt.Println(errors.Is(wrapped, ErrNotFound), errors.Unwrap(errors.Unwrap(wrapped)) == ErrNotFound)
	var qe *QueryError
	if errors.As(wrapped, &qe) {
		fmt.Println("query was", qe.Query)
	}
	joined := errors.Join(ErrNotFound, errors.New("second"), nil)
	fmt.Println(joined)
	fmt.Println(errors.Is(joined, ErrNotFound), errors.Join(nil, nil) == nil)
	two := fmt.Errorf("both: %w and %w", ErrNotFound, fs.ErrPermission)
	fmt.Println(two, errors.Is(two, fs.ErrPermission))
	_, ferr := os.Open("/definitely/not/here")
	fmt.Println(ferr, errors.Is(ferr, fs.ErrNotExist))
	var pe *fs.PathError
	fmt.Println(errors.As(ferr, &pe), pe.Op, pe.Path)
	fmt.Println(lookup(1) == nil, fmt.Errorf("plain %v", ErrNotFound))
	fmt.Printf("%v %+v\n", fmt.Errorf("n=%d", 3), errors.New("x"))
}
