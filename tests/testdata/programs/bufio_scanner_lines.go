package main

import (
	"bufio"
	"fmt"
	"strings"
)

const input = `name,score
alice,90
bob,72

carol,85
dave,notanumber`

func main() {
	sc := bufio.NewScanner(strings.NewReader(input))
	lineNo := 0
	total, count := 0, 0
	for sc.Scan() {
		lineNo++
		line := sc.Text()
		if lineNo == 1 || line == "" {
			continue
		}
		name, score, ok := strings.Cut(line, ",")
		if !ok {
			continue
		}
		var n int
		if _, err := fmt.Sscanf(score, "%d", &n); err != nil {
			fmt.Printf("line %d: bad score %q for %s\n", lineNo, score, name)
			continue
		}
		total += n
		count++
		fmt.Printf("%-6s %3d\n", name, n)
	}
	if err := sc.Err(); err != nil {
		fmt.Println("error:", err)
	}
	fmt.Printf("lines=%d avg=%.2f\n", lineNo, float64(total)/float64(count))
	runes := bufio.NewScanner(strings.NewReader("añb"))
	runes.Split(bufio.ScanRunes)
	for runes.Scan() {
		fmt.Print("[", runes.Text(), "]")
	}
	fmt.Println()
	r := bufio.NewReader(strings.NewReader("first\nsecond"))
	l1, err := r.ReadString('\n')
	fmt.Printf("%q %v\n", l1, err)
	l2, err := r.ReadString('\n')
	fmt.Printf("%q %v\n", l2, err)
}
