package main

import "fmt"

var shelf = Library{Books: []Book{{"Dune", 412}, {"Emma", 474}}}

func main() {
	fmt.Println(shelf.Pages())
	fmt.Println(len(shelf.Books), shelf.Books[1].Title)
}

func (l Library) Pages() int {
	n := 0
	for _, b := range l.Books {
		n += b.Pages
	}
	return n
}

type Library struct {
	Books []Book
}

type Book struct {
	Title string
	Pages int
}
