package main

import "fmt"

func main() {
	grid := [][]int{{1, 2, 3}, {4, 5, 6}, {7, 8, 9}}
outer:
	for i, row := range grid {
		for _, v := range row {
			if v%2 == 0 {
				continue outer
			}
			if v > 6 {
				break outer
			}
			fmt.Println("row", i, "odd", v)
		}
	}
	n := 0
loop:
	if n < 3 {
		fmt.Println("goto iteration", n)
		n++
		goto loop
	}
	count := 0
	for {
		count++
		switch {
		case count == 2:
			continue
		case count > 4:
			goto done
		}
		fmt.Println("count", count)
	}
done:
	fmt.Println("done at", count)
	ch := make(chan int, 3)
	ch <- 1
	ch <- 2
	close(ch)
recv:
	for {
		select {
		case v, ok := <-ch:
			if !ok {
				break recv
			}
			fmt.Println("got", v)
		}
	}
}
