package main

import (
	"fmt"
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
	s := "héllo, 世界!"
	fmt.Println(len(s), utf8.RuneCountInString(s))
	for i, r := range s {
		fmt.Printf("%d:%c(%d) ", i, r, utf8.RuneLen(r))
	}
	fmt.Println()
	fmt.Println(reverse(s))
	b := []byte(s)
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		fmt.Printf("%q/%d ", r, size)
		b = b[size:]
	}
	fmt.Println()
	r, size := utf8.DecodeLastRuneInString(s)
	fmt.Println(string(r), size)
	bad := string([]byte{0xff, 'a'})
	fmt.Println(utf8.ValidString(s), utf8.ValidString(bad), []rune(bad))
	var upper, letters, digits, spaces int
	for _, c := range "Go 1.26 Rocks ÄÖ" {
		switch {
		case unicode.IsUpper(c):
			upper++
			letters++
		case unicode.IsLetter(c):
			letters++
		case unicode.IsDigit(c):
			digits++
		case unicode.IsSpace(c):
			spaces++
		}
	}
	fmt.Println(upper, letters, digits, spaces)
	fmt.Println(string(unicode.ToUpper('ß')), string(unicode.ToLower('Ä')), unicode.IsPunct('!'))
	buf := utf8.AppendRune(nil, '€')
	fmt.Println(buf, len(buf), string(rune(65)), fmt.Sprint(s[1]))
}
