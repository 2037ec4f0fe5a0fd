package main

import (
	"fmt"
	"strings"
	"unicode"
)

func main() {
	line := "  Go is   expressive, concise, clean  "
	fmt.Printf("%q\n", strings.TrimSpace(line))
	fmt.Println(strings.Fields(line), len(strings.Fields(line)))
	parts := strings.Split("a,b,,c", ",")
	fmt.Printf("%d %q\n", len(parts), parts)
	fmt.Println(strings.Join([]string{"x", "y", "z"}, "-"))
	fmt.Println(strings.Repeat("ab", 3), strings.ToUpper("mixed Case"))
	fmt.Println(strings.Replace("oink oink oink", "k", "ky", 2), strings.ReplaceAll("aaa", "a", "b"))
	fmt.Println(strings.HasPrefix("golang", "go"), strings.HasSuffix("golang", "ng"), strings.Contains("seafood", "foo"))
	fmt.Println(strings.Index("chicken", "ken"), strings.LastIndex("go gopher", "go"), strings.Count("cheese", "e"))
	fmt.Println(strings.EqualFold("Go", "GO"), strings.TrimLeft("xxhixx", "x"), strings.TrimSuffix("file.go", ".go"))
	fmt.Println(strings.Map(func(r rune) rune {
		if unicode.IsDigit(r) {
			return -1
		}
		return r
	}, "a1b2c3"))
	before, after, found := strings.Cut("key=value", "=")
	fmt.Println(before, after, found)
	fmt.Println(strings.Title("x"), strings.SplitN("a b c d", " ", 2))
}
