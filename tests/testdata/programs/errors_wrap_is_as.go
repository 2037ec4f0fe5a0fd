package main

import (
	"errors"
	"fmt"
	"io/fs"
)

var ErrNotFound = errors.New("not found")

type ValidationError struct {
	Field string
}

func (e *ValidationError) Error() string { return "invalid " + e.Field }

func find(key string) error {
	switch key {
	case "missing":
		return fmt.Errorf("find %q: %w", key, ErrNotFound)
	case "bad":
		return fmt.Errorf("find: %w", &ValidationError{Field: "key"})
	}
	return nil
}

func main() {
	for _, k := range []string{"ok", "missing", "bad"} {
		err := find(k)
		var ve *ValidationError
		fmt.Println(k, err, errors.Is(err, ErrNotFound), errors.As(err, &ve))
		if ve != nil {
			fmt.Println("  field:", ve.Field)
		}
	}
	wrapped := fmt.Errorf("outer: %w", fmt.Errorf("inner: %w", fs.ErrNotExist))
	fmt.Println(wrapped, errors.Is(wrapped, fs.ErrNotExist))
	fmt.Println(errors.Unwrap(errors.Unwrap(wrapped)) == fs.ErrNotExist)
	joined := errors.Join(ErrNotFound, errors.New("second"))
	fmt.Println(joined)
	fmt.Println(errors.Is(joined, ErrNotFound))
}
