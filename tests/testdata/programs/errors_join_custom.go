package main

import (
	"errors"
	"fmt"
)

type ValidationError struct {
	Field string
	Msg   string
}

func (e *ValidationError) Error() string { return e.Field + ": " + e.Msg }

var ErrEmpty = errors.New("empty input")

func validate(name string, age int) error {
	var errs []error
	if name == "" {
		errs = append(errs, &ValidationError{"name", "required"})
	}
	if age < 0 {
		errs = append(errs, &ValidationError{"age", fmt.Sprintf("must be >= 0, got %d", age)})
	}
	if name == "" && age == 0 {
		errs = append(errs, ErrEmpty)
	}
	return errors.Join(errs...)
}

func main() {
	fmt.Println(validate("bob", 3) == nil)
	err := validate("", -2)
	fmt.Println(err)
	var ve *ValidationError
	fmt.Println(errors.As(err, &ve), ve.Field)
	err = validate("", 0)
	fmt.Printf("%q\n", err.Error())
	fmt.Println(errors.Is(err, ErrEmpty))
	wrapped := fmt.Errorf("request failed: %w", err)
	fmt.Println(errors.Is(wrapped, ErrEmpty), errors.Unwrap(wrapped) == err)
	if u, ok := err.(interface{ Unwrap() []error }); ok {
		fmt.Println(len(u.Unwrap()))
	}
	multi := fmt.Errorf("a: %w, b: %w", ErrEmpty, &ValidationError{"x", "y"})
	fmt.Println(multi, errors.Is(multi, ErrEmpty), errors.As(multi, &ve), ve.Msg)
	fmt.Println(errors.Join(nil, nil) == nil)
}
