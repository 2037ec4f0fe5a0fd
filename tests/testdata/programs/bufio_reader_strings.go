package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"
)

func main() {
	r := bufio.NewReader(strings.NewReader("first line\nsecond line\nno newline"))
	for {
		line, err := r.ReadString('\n')
		fmt.Printf("%q %v\n", line, err)
		if err == io.EOF {
			break
		}
	}
	rr := bufio.NewReader(strings.NewReader("añb"))
	for {
		c, size, err := rr.ReadRune()
		if err != nil {
			fmt.Println("end:", err)
			break
		}
		fmt.Printf("%c %d\n", c, size)
	}
	sc := bufio.NewScanner(strings.NewReader("12 7 x 30"))
	sc.Split(bufio.ScanWords)
	total := 0
	for sc.Scan() {
		var n int
		if _, err := fmt.Sscan(sc.Text(), &n); err != nil {
			fmt.Println("skip", sc.Text(), err)
			continue
		}
		total += n
	}
	fmt.Println("total", total, sc.Err())
	runes := bufio.NewScanner(strings.NewReader("hé!"))
	runes.Split(bufio.ScanRunes)
	for runes.Scan() {
		fmt.Print("[", runes.Text(), "]")
	}
	fmt.Println()
	w := bufio.NewWriter(os.Stdout)
	fmt.Fprintf(w, "buffered %d bytes? %v\n", w.Buffered(), w.Available() > 0)
	fmt.Println("printed before the flush")
	w.Flush()
	peek := bufio.NewReader(strings.NewReader("peekaboo"))
	p, _ := peek.Peek(4)
	fmt.Println(string(p))
	var a, b string
	var n int
	cnt, err := fmt.Sscanf("go 1 22", "%s %d %s", &a, &n, &b)
	fmt.Println(cnt, err, a, n, b)
}
