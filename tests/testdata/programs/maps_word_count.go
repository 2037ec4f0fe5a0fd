package main

import (
	"fmt"
	"sort"
	"strings"
)

func main() {
	text := "the quick fox jumps over the lazy dog the fox"
	counts := map[string]int{}
	for _, w := range strings.Fields(text) {
		counts[w]++
	}
	words := make([]string, 0, len(counts))
	for w := range counts {
		words = append(words, w)
	}
	sort.Slice(words, func(i, j int) bool {
		if counts[words[i]] != counts[words[j]] {
			return counts[words[i]] > counts[words[j]]
		}
		return words[i] < words[j]
	})
	for _, w := range words[:4] {
		fmt.Printf("%-5s %d\n", w, counts[w])
	}
	if n, ok := counts["cat"]; !ok {
		fmt.Println("no cat", n)
	}
	fmt.Println(len(counts), counts)
}
