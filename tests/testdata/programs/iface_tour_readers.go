package main

import (
	"fmt"
	"io"
	"os"
	"strings"
)

type MyReader struct{}

func (MyReader) Read(b []byte) (int, error) {
	for i := range b {
		b[i] = 'A'
	}
	return len(b), nil
}

type rot13Reader struct{ r io.Reader }

func (rr rot13Reader) Read(b []byte) (int, error) {
	n, err := rr.r.Read(b)
	for i := 0; i < n; i++ {
		c := b[i]
		switch {
		case c >= 'a' && c <= 'z':
			b[i] = 'a' + (c-'a'+13)%26
		case c >= 'A' && c <= 'Z':
			b[i] = 'A' + (c-'A'+13)%26
		}
	}
	return n, err
}

func main() {
	r := strings.NewReader("Hello, Reader!")
	b := make([]byte, 8)
	for {
		n, err := r.Read(b)
		fmt.Printf("n = %v err = %v b = %v\n", n, err, b)
		fmt.Printf("b[:n] = %q\n", b[:n])
		if err == io.EOF {
			break
		}
	}
	buf := make([]byte, 5)
	n, _ := MyReader{}.Read(buf)
	fmt.Println(n, string(buf))
	s := strings.NewReader("Lbh penpxrq gur pbqr!\n")
	io.Copy(os.Stdout, rot13Reader{s})
	lim := io.LimitReader(MyReader{}, 3)
	all, err := io.ReadAll(lim)
	fmt.Println(string(all), err)
	var sb strings.Builder
	w := io.MultiWriter(&sb, os.Stdout)
	fmt.Fprintf(w, "tee %d\n", 7)
	fmt.Print(sb.String())
}
