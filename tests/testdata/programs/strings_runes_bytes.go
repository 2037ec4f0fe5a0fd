package main

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

func reverse(s string) string {
	r := []rune(s)
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
	return string(r)
}

func main() {
	s := "héllo, 世界"
	fmt.Println(len(s), utf8.RuneCountInString(s))
	for i, r := range "aé世" {
		fmt.Println(i, string(r), r)
	}
	fmt.Println(s[1], s[:2], reverse(s))
	b := []byte("abc")
	b[0] = 'A'
	fmt.Println(string(b), b)
	var sb strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) {
			sb.WriteRune(unicode.ToUpper(r))
		}
	}
	fmt.Println(sb.String(), sb.Len())
	fmt.Printf("%q %x %U\n", 'é', "hi", '世')
}
