package main

import (
	"fmt"
	"strings"
)

type row struct {
	name  string
	qty   int
	price float64
}

func render(rows []row) string {
	var b strings.Builder
	b.WriteString("+----------+-----+--------+\n")
	fmt.Fprintf(&b, "|%-10s|%5s|%8s|\n", "item", "qty", "price")
	b.WriteString(strings.Repeat("-", 27))
	b.WriteByte('\n')
	total := 0.0
	for _, r := range rows {
		fmt.Fprintf(&b, "|%-10s|%5d|%8.2f|\n", r.name, r.qty, r.price)
		total += float64(r.qty) * r.price
	}
	b.WriteRune('Σ')
	fmt.Fprintf(&b, " %.2f\n", total)
	return b.String()
}

func main() {
	rows := []row{{"apple", 3, 0.5}, {"bread", 1, 2.25}, {"cheese", 2, 4.1}}
	out := render(rows)
	fmt.Print(out)
	var b strings.Builder
	fmt.Println(b.Len(), b.String() == "")
	for i := 0; i < 3; i++ {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprint(&b, i*i)
	}
	fmt.Println(b.String(), b.Len())
	b.Reset()
	b.Grow(64)
	b.WriteString("reset")
	fmt.Println(b.String())
}
