package main

import (
	"fmt"
	"regexp"
	"strings"
)

var dateRe = regexp.MustCompile(`(\d{4})-(\d{2})-(\d{2})`)

func main() {
	text := "released 2023-08-08, patched 2024-02-06 and 2024-03-05"
	fmt.Println(dateRe.MatchString(text))
	fmt.Println(dateRe.FindString(text))
	fmt.Println(dateRe.FindAllString(text, -1), len(dateRe.FindAllString(text, 2)))
	fmt.Println(dateRe.FindStringSubmatch(text))
	fmt.Println(dateRe.FindStringIndex(text))
	fmt.Println(dateRe.ReplaceAllString(text, "$3/$2/$1"))
	named := regexp.MustCompile(`(?P<key>\w+)=(?P<val>\w+)`)
	for _, m := range named.FindAllStringSubmatch("a=1 b=two c=3", -1) {
		fmt.Printf("%s->%s ", m[named.SubexpIndex("key")], m[named.SubexpIndex("val")])
	}
	fmt.Println(named.SubexpNames())
	up := regexp.MustCompile(`\b[a-z]`).ReplaceAllStringFunc("hello big world", strings.ToUpper)
	fmt.Println(up)
	_, err := regexp.Compile(`a(b`)
	fmt.Println(err)
	sp := regexp.MustCompile(`\s*[,;]\s*`)
	fmt.Printf("%q\n", sp.Split("x , y;z ;  w", -1))
	fmt.Println(regexp.MustCompile(`^[a-z]+\[[0-9]+\]$`).MatchString("adam[23]"))
	fmt.Println(regexp.QuoteMeta("1+1=2?"), dateRe.NumSubexp(), dateRe.String())
	b := dateRe.ReplaceAll([]byte("on 2020-01-02"), []byte("<$0>"))
	fmt.Println(string(b))
	fmt.Println(regexp.MustCompile(`a+?`).FindString("aaa"), regexp.MustCompile(`(?i)go`).FindAllString("Go gO GO", -1))
}
