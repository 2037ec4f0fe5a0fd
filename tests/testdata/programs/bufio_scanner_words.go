package main

import (
	"bufio"
	"fmt"
	"strings"
)

const poem = `so much depends
upon

a red wheel
barrow`

func main() {
	sc := bufio.NewScanner(strings.NewReader(poem))
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if line == "" {
			fmt.Println(n, "(blank)")
			continue
		}
		fmt.Printf("%d %q\n", n, line)
	}
	words := bufio.NewScanner(strings.NewReader(poem))
	words.Split(bufio.ScanWords)
	count := 0
	for words.Scan() {
		count++
	}
	fmt.Println("words:", count)
	var sb strings.Builder
	w := bufio.NewWriter(&sb)
	fmt.Fprint(w, "buffered")
	fmt.Println(sb.Len())
	w.Flush()
	fmt.Println(sb.String())
}
