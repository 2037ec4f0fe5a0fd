package main

import (
	"fmt"
	"strings"
	"unicode"
)

func main() {
	s := "Hello, Wörld 42! ΣΑΣ\t"
	var up, low, dig, sp, punct, letter int
	for _, r := range s {
		switch {
		case unicode.IsUpper(r):
			up++
		case unicode.IsLower(r):
			low++
		case unicode.IsDigit(r):
			dig++
		case unicode.IsSpace(r):
			sp++
		case unicode.IsPunct(r):
			punct++
		}
		if unicode.IsLetter(r) {
			letter++
		}
	}
	fmt.Println(up, low, dig, sp, punct, letter)
	swap := strings.Map(func(r rune) rune {
		if unicode.IsUpper(r) {
			return unicode.ToLower(r)
		}
		if unicode.IsDigit(r) {
			return -1
		}
		return unicode.ToUpper(r)
	}, s)
	fmt.Printf("%q\n", swap)
	fmt.Println(string(unicode.ToTitle('ß')), unicode.Is(unicode.Greek, 'Σ'), unicode.In('ж', unicode.Cyrillic, unicode.Latin))
	fmt.Println(strings.ToUpper("straße"), strings.ToLower("ΣΑΣ"), strings.Title("go is fun"))
	fmt.Println(strings.FieldsFunc("a1b22c333", unicode.IsDigit))
	fmt.Println(strings.TrimFunc("123abc456", unicode.IsDigit), strings.IndexFunc("abc1", unicode.IsNumber))
	fmt.Println(unicode.IsControl('\n'), unicode.IsPrint('\n'), unicode.IsGraphic('☺'), unicode.IsSymbol('+'))
	fmt.Println(unicode.SimpleFold('A'), unicode.SimpleFold('k'), strings.EqualFold("Go", "GO"))
	fmt.Println(unicode.MaxRune, unicode.ReplacementChar == '\uFFFD', unicode.Version != "")
}
