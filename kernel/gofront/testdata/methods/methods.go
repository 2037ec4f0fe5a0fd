package main

import (
	"bytes"
	"fmt"
)

type Value struct{ n int }

func (Value) String() string { return "v" }

type Pointer struct{ n int }

func (*Pointer) Error() string         { return "p" }
func (*Pointer) Unwrap() error         { return nil }
func (*Pointer) Is(target error) bool  { return false }
func (Pointer) As(target any) bool     { return false }
func (Pointer) Format(fmt.State, rune) {}
func (Pointer) GoString() string       { return "" }
func (Pointer) Other() string          { return "" }

type Promoted struct {
	Value
	*Pointer
}

type Buffered struct{ *bytes.Buffer }

type WrongSignature int

func (WrongSignature) String() int     { return 0 }
func (WrongSignature) Unwrap() []error { return nil }

type Generic[T any] struct{ v T }

func (Generic[T]) String() string { return "" }

type Iface interface{ String() string }

type Plain struct{}
