package main

import (
	"fmt"
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
	fmt.Println(len(s), utf8.RuneCountInString(s), len([]rune(s)), len([]byte(s)))
	for i, r := range s {
		fmt.Printf("%d:%c(%d) ", i, r, utf8.RuneLen(r))
	}
	fmt.Println()
	for i := 0; i < 4; i++ {
		fmt.Printf("%d=%x ", i, s[i])
	}
	fmt.Println()
	r, size := utf8.DecodeRuneInString(s[1:])
	fmt.Println(string(r), size)
	last, lsize := utf8.DecodeLastRuneInString("世界")
	fmt.Printf("%c %d\n", last, lsize)
	bad := string([]byte{0xff, 'a'})
	fmt.Println(utf8.ValidString(s), utf8.ValidString(bad))
	for _, r := range bad {
		fmt.Printf("%q %U ", r, r)
	}
	fmt.Println()
	fmt.Println(reverse(s), reverse(""))
	buf := utf8.AppendRune(nil, '界')
	fmt.Println(buf, utf8.RuneError, string(utf8.RuneError))
	b := []byte("hello")
	b[0] = 'J'
	fmt.Println(string(b), b[1], string(b[1]), s[1], s[1:3])
	fmt.Println(string(rune(0x4e16)), []byte("é"), []rune("é"))
	fmt.Printf("%q %+q %x %U\n", '世', '世', "世", []rune("ab"))
	fmt.Println(utf8.FullRune([]byte{0xe4, 0xb8}), utf8.RuneStart(0xb8))
	var c byte = 'A'
	c += 2
	fmt.Println(c, string(c), fmt.Sprintf("%c", c))
}
