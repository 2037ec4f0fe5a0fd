package main

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"strings"
)

func main() {
	sum := sha256.Sum256([]byte("hello world\n"))
	fmt.Printf("%x\n", sum)
	fmt.Println(len(sum), hex.EncodeToString(sum[:4]))
	h := sha256.New()
	h.Write([]byte("hello "))
	io.WriteString(h, "world\n")
	fmt.Printf("%x\n", h.Sum(nil))
	fmt.Println(h.Size(), h.BlockSize())
	fmt.Printf("%x\n", sha1.Sum([]byte("abc")))
	fmt.Printf("%x\n", md5.Sum([]byte("abc")))
	h2 := sha256.New()
	io.Copy(h2, strings.NewReader(strings.Repeat("x", 1000)))
	fmt.Printf("%.16x\n", h2.Sum(nil))
	a := sha256.Sum256([]byte("a"))
	b := sha256.Sum256([]byte("a"))
	fmt.Println(a == b, a == sha256.Sum256([]byte("b")))
}
