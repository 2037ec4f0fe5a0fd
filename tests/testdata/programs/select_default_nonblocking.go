package main

import "fmt"

func trySend(ch chan int, v int) bool {
	select {
	case ch <- v:
		return true
	default:
		return false
	}
}

func tryRecv(ch chan int) (int, bool) {
	select {
	case v := <-ch:
		return v, true
	default:
		return 0, false
	}
}

func main() {
	ch := make(chan int, 2)
	for i := 1; i <= 3; i++ {
		fmt.Println("send", i, trySend(ch, i))
	}
	for range 3 {
		v, ok := tryRecv(ch)
		fmt.Println("recv", v, ok)
	}
	unbuf := make(chan int)
	fmt.Println("no receiver:", trySend(unbuf, 9))
	select {
	case msg := <-unbuf:
		fmt.Println("unexpected", msg)
	default:
		fmt.Println("no activity")
	}
}
