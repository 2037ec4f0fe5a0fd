package main

import (
	"errors"
	"fmt"
)

type Dog struct{ name string }

type NotFound struct{ key string }

func (e *NotFound) Error() string {
	if e == nil {
		return "not found (nil)"
	}
	return e.key + " not found"
}

type Named interface{ Name() string }

func (d Dog) Name() string { return d.name }

func kind(v any) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case Dog:
		return "Dog " + x.name
	case *Dog:
		return "*Dog " + x.name
	case *NotFound:
		return "*NotFound " + x.key
	case error:
		return "error " + x.Error()
	default:
		return fmt.Sprintf("other %T", x)
	}
}

func lookup(key string) error {
	var nf *NotFound
	if key != "" {
		nf = &NotFound{key}
	}
	return nf
}

func describe(err error) string {
	switch e := err.(type) {
	case nil:
		return "no error"
	case *NotFound:
		return fmt.Sprint("not found, nil pointer: ", e == nil)
	}
	return "some error"
}

func main() {
	for _, v := range []any{nil, Dog{"rex"}, &Dog{"fido"}, &NotFound{"k"}, errors.New("boom"), 2.5} {
		fmt.Println(kind(v))
	}
	err := lookup("")
	fmt.Println(err == nil, err)
	fmt.Printf("%T %v\n", err, err)
	fmt.Println(describe(err), describe(lookup("id")), describe(nil))
	var target *NotFound
	fmt.Println(errors.As(err, &target), target == nil)
	nf, ok := err.(*NotFound)
	fmt.Println(nf == nil, ok)
	var n Named = Dog{"max"}
	switch x := any(n).(type) {
	case Named:
		fmt.Println("named", x.Name())
	}
}
