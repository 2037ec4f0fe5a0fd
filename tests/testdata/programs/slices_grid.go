package main

import (
	"fmt"
	"strings"
)

type Grid [][]rune

func NewGrid(w, h int) Grid {
	g := make(Grid, h)
	for y := range g {
		g[y] = []rune(strings.Repeat(".", w))
	}
	return g
}

func (g Grid) String() string {
	var b strings.Builder
	for _, row := range g {
		b.WriteString(string(row))
		b.WriteByte('\n')
	}
	return b.String()
}

func main() {
	g := NewGrid(5, 3)
	for i := 0; i < 3; i++ {
		g[i][i*2] = '#'
	}
	g[0] = append(g[0][:4], '@')
	fmt.Print(g)
	var matrix [3][3]int
	for i := range matrix {
		for j := range matrix[i] {
			matrix[i][j] = i * j
		}
	}
	fmt.Println(matrix, len(matrix[0]))
}
