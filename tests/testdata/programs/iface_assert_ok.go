package main

import (
	"fmt"
	"io"
	"strings"
)

type upper struct{ r io.Reader }

func (u upper) Read(p []byte) (int, error) {
	n, err := u.r.Read(p)
	copy(p, strings.ToUpper(string(p[:n])))
	return n, err
}

func main() {
	var r io.Reader = upper{strings.NewReader("quiet words")}
	b, _ := io.ReadAll(r)
	fmt.Println(string(b))
	if _, ok := r.(io.Writer); !ok {
		fmt.Println("not a writer")
	}
	u, ok := r.(upper)
	fmt.Println(ok, u.r != nil)
	var w io.Writer = &strings.Builder{}
	_, isStringer := w.(fmt.Stringer)
	fmt.Println(isStringer)
}
