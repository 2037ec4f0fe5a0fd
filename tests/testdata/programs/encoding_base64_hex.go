package main

import (
	"encoding/base64"
	"encoding/hex"
	"fmt"
)

func main() {
	data := []byte("Go is fun!?~")
	std := base64.StdEncoding.EncodeToString(data)
	url := base64.URLEncoding.EncodeToString(data)
	raw := base64.RawStdEncoding.EncodeToString(data[:4])
	fmt.Println(std)
	fmt.Println(url)
	fmt.Println(raw)
	dec, err := base64.StdEncoding.DecodeString(std)
	fmt.Println(string(dec), err)
	_, err = base64.StdEncoding.DecodeString("not*valid")
	fmt.Println(err)
	fmt.Println(base64.StdEncoding.EncodedLen(10), base64.StdEncoding.DecodedLen(16))
	h := hex.EncodeToString([]byte{0xde, 0xad, 0xbe, 0xef})
	fmt.Println(h)
	b, err := hex.DecodeString("48656c6c6f")
	fmt.Println(string(b), err)
	_, err = hex.DecodeString("abc")
	fmt.Println(err)
	fmt.Print(hex.Dump([]byte("0123456789abcdefXYZ")))
	dst := make([]byte, base64.StdEncoding.EncodedLen(3))
	base64.StdEncoding.Encode(dst, []byte{1, 2, 3})
	fmt.Println(string(dst))
}
