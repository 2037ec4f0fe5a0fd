package main

import (
	"bytes"
	"fmt"
)

func main() {
	a := []byte("hello world")
	fmt.Println(bytes.ToUpper(a), string(bytes.ToUpper(a)))
	fmt.Println(bytes.Contains(a, []byte("wor")), bytes.Index(a, []byte("o")), bytes.LastIndexByte(a, 'o'))
	fmt.Println(bytes.Equal([]byte("x"), []byte("x")), bytes.Compare([]byte("a"), []byte("b")))
	parts := bytes.Split([]byte("a,b,,c"), []byte(","))
	fmt.Println(len(parts), fmt.Sprintf("%q", parts))
	fmt.Printf("%s\n", bytes.Join(parts, []byte("-")))
	fmt.Printf("%q\n", bytes.TrimSpace([]byte("  pad  ")))
	fmt.Printf("%s\n", bytes.Fields([]byte(" x  y z ")))
	var buf bytes.Buffer
	buf.WriteString("line one\n")
	buf.Write([]byte("line two\n"))
	fmt.Fprintf(&buf, "line %d\n", 3)
	fmt.Println(buf.Len())
	line, err := buf.ReadString('\n')
	fmt.Printf("%q %v %d\n", line, err, buf.Len())
	next, _ := buf.ReadBytes('\n')
	fmt.Printf("%q\n", next)
	c, _ := buf.ReadByte()
	fmt.Println(string(c), buf.String())
	b := make([]byte, 3, 10)
	copy(b, "xyz")
	b2 := append(b[:2], 'Q')
	fmt.Println(string(b), string(b2), len(b2), cap(b2))
	fmt.Println(bytes.Repeat([]byte("ab"), 3), bytes.HasPrefix(a, []byte("he")))
	fmt.Println(string(bytes.Map(func(r rune) rune {
		if r == 'l' {
			return -1
		}
		return r + 1
	}, a)))
}
