package main

import (
	"bytes"
	"fmt"
	"os"
)

func main() {
	a := []byte("Hello, Gophers")
	fmt.Println(bytes.Contains(a, []byte("Go")), bytes.Index(a, []byte("o")), bytes.LastIndex(a, []byte("o")))
	fmt.Println(bytes.Equal([]byte("x"), []byte("x")), bytes.Compare([]byte("a"), []byte("b")))
	fmt.Printf("%q\n", bytes.Fields([]byte("  a b   c ")))
	fmt.Printf("%q\n", bytes.Split([]byte("a,b,c"), []byte(",")))
	fmt.Printf("%s\n", bytes.ToUpper(a))
	fmt.Printf("%s\n", bytes.TrimSpace([]byte("  pad  ")))
	fmt.Printf("%s\n", bytes.ReplaceAll(a, []byte("o"), []byte("0")))
	fmt.Printf("%s\n", bytes.Join([][]byte{[]byte("x"), []byte("y")}, []byte("+")))
	fmt.Println(bytes.HasPrefix(a, []byte("Hell")), bytes.Count(a, []byte("e")))
	var buf bytes.Buffer
	buf.WriteString("abc")
	buf.WriteByte('-')
	buf.WriteRune('é')
	buf.Write([]byte{'!'})
	fmt.Fprintf(&buf, "%03d", 7)
	fmt.Println(buf.String(), buf.Len())
	b, _ := buf.ReadByte()
	next := buf.Next(2)
	fmt.Println(string(b), string(next), buf.String())
	line, err := bytes.NewBufferString("one\ntwo").ReadString('\n')
	fmt.Printf("%q %v\n", line, err)
	buf.Reset()
	buf.WriteString("to stdout\n")
	buf.WriteTo(os.Stdout)
	fmt.Println(buf.Len())
	before, after, found := bytes.Cut([]byte("key=value"), []byte("="))
	fmt.Println(string(before), string(after), found)
	var nilBuf *bytes.Buffer
	fmt.Println(nilBuf == nil, bytes.Repeat([]byte("ab"), 3))
	r := bytes.NewReader([]byte("reader"))
	fmt.Println(r.Len(), r.Size())
}
