package main

import (
	"errors"
	"fmt"
)

type StackError struct {
	Op    string
	Depth int
}

func (e StackError) Error() string {
	return fmt.Sprintf("stack %s at depth %d", e.Op, e.Depth)
}

type Stack struct{ data []int }

func (s *Stack) Pop() int {
	if len(s.data) == 0 {
		panic(StackError{"pop", 0})
	}
	v := s.data[len(s.data)-1]
	s.data = s.data[:len(s.data)-1]
	return v
}

func safePop(s *Stack) (v int, err error) {
	defer func() {
		if r := recover(); r != nil {
			if se, ok := r.(StackError); ok {
				err = se
				return
			}
			panic(r)
		}
	}()
	return s.Pop(), nil
}

func main() {
	s := &Stack{data: []int{1, 2}}
	for i := 0; i < 3; i++ {
		v, err := safePop(s)
		fmt.Println(v, err)
	}
	_, err := safePop(s)
	var se StackError
	fmt.Println(errors.As(err, &se), se.Op)
	defer fmt.Println("deferred runs before crash")
	var arr []int
	idx := 5
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		_ = arr[idx]
	}()
	panic(StackError{"push", 42})
}
