package main

import (
	"fmt"
	"regexp"
	"strings"
)

func main() {
	dates := regexp.MustCompile(`(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})`)
	text := "released 2023-08-08, patched 2024-02-06, planned 2025-13-01"
	fmt.Println(dates.MatchString(text))
	fmt.Println(dates.FindString(text))
	fmt.Println(dates.FindStringIndex(text))
	fmt.Println(dates.FindAllString(text, -1))
	fmt.Println(dates.FindAllString(text, 2))
	for _, m := range dates.FindAllStringSubmatch(text, -1) {
		fmt.Printf("%q\n", m)
	}
	fmt.Println(dates.SubexpNames(), dates.NumSubexp(), dates.SubexpIndex("month"))
	fmt.Println(dates.ReplaceAllString(text, "${day}/${month}/${year}"))
	fmt.Println(dates.ReplaceAllString(text, "$1x"))
	words := regexp.MustCompile(`\b\w`)
	fmt.Println(words.ReplaceAllStringFunc("the quick brown fox", strings.ToUpper))
	sp := regexp.MustCompile(`\s*[,;]\s*`)
	fmt.Printf("%q\n", sp.Split("a , b;c ;  d", -1))
	fmt.Println(regexp.QuoteMeta("1+1=2? [yes]"))
	_, err := regexp.Compile(`a(b`)
	fmt.Println(err)
	email := regexp.MustCompile(`^[a-z0-9._]+@[a-z]+\.[a-z]{2,}$`)
	for _, e := range []string{"gopher@golang.org", "bad@", "x.y@site.io"} {
		fmt.Println(e, email.MatchString(e))
	}
	fmt.Println(dates.String())
	b := regexp.MustCompile(`o+`).ReplaceAll([]byte("foo boo"), []byte("0"))
	fmt.Println(string(b))
	fmt.Println(regexp.MustCompile(`(?i)go`).FindAllStringIndex("Go go GO", -1))
}
