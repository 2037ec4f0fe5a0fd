package main

import (
	"crypto/hmac"
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"hash/crc32"
	"hash/fnv"
	"io"
)

func main() {
	msg := []byte("The quick brown fox")
	fmt.Printf("%x\n", md5.Sum(msg))
	fmt.Printf("%x\n", sha1.Sum(msg))
	fmt.Printf("%x\n", sha256.Sum256(msg))
	s512 := sha512.Sum512(msg)
	fmt.Println(hex.EncodeToString(s512[:8]), len(s512))
	h := sha256.New()
	io.WriteString(h, "The quick ")
	h.Write([]byte("brown fox"))
	fmt.Printf("%x %d %d\n", h.Sum(nil), h.Size(), h.BlockSize())
	mac := hmac.New(sha256.New, []byte("secret"))
	mac.Write(msg)
	sig := mac.Sum(nil)
	fmt.Println(base64.StdEncoding.EncodeToString(sig))
	check := hmac.New(sha256.New, []byte("secret"))
	check.Write(msg)
	fmt.Println(hmac.Equal(sig, check.Sum(nil)))
	f := fnv.New32a()
	f.Write(msg)
	fmt.Println(f.Sum32())
	f64 := fnv.New64()
	f64.Write(msg)
	fmt.Println(f64.Sum64())
	fmt.Println(crc32.ChecksumIEEE(msg))
	raw, err := hex.DecodeString("48656c6c6f")
	fmt.Println(string(raw), err)
	_, err = hex.DecodeString("zz")
	fmt.Println(err)
	fmt.Println(base64.URLEncoding.EncodeToString([]byte{0xfb, 0xff}), base64.RawStdEncoding.EncodeToString([]byte("ab")))
	dec, err := base64.StdEncoding.DecodeString("aGVsbG8gd29ybGQ=")
	fmt.Println(string(dec), err)
	fmt.Print(hex.Dump([]byte("dump me, please")))
}
