package main

import (
	"fmt"
	"strings"
	"sync"
)

type Page struct {
	URL   string
	Words int
}

func analyze(url string) Page {
	body := strings.Repeat("word ", len(url))
	return Page{URL: url, Words: len(strings.Fields(body))}
}

func main() {
	urls := []string{"a.example", "bb.example", "ccc.example", "d.example"}
	pages := make([]Page, len(urls))
	var wg sync.WaitGroup
	for i, u := range urls {
		wg.Add(1)
		go func() {
			defer wg.Done()
			pages[i] = analyze(u)
		}()
	}
	wg.Wait()
	total := 0
	for _, p := range pages {
		fmt.Printf("%-12s %2d\n", p.URL, p.Words)
		total += p.Words
	}
	fmt.Println("total", total)
	fmt.Printf("%v\n%+v\n", pages[0], pages[1])
}
