// compare: sorted lines
package main

import "fmt"

func emit(vals ...int) <-chan int {
	ch := make(chan int)
	go func() {
		for _, v := range vals {
			ch <- v
		}
		close(ch)
	}()
	return ch
}

func main() {
	a, b := emit(1, 2, 3), emit(10, 20)
	sumA, sumB, n := 0, 0, 0
	for a != nil || b != nil {
		select {
		case v, ok := <-a:
			if !ok {
				a = nil
				fmt.Println("a is done")
				continue
			}
			sumA += v
			n++
		case v, ok := <-b:
			if !ok {
				b = nil
				fmt.Println("b is done")
				continue
			}
			sumB += v
			n++
		}
	}
	fmt.Println(sumA, sumB, n)
}
