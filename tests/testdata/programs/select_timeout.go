package main

import (
	"fmt"
	"time"
)

func slow(d time.Duration, v string) <-chan string {
	ch := make(chan string, 1)
	go func() {
		time.Sleep(d)
		ch <- v
	}()
	return ch
}

func fetch(d time.Duration, limit time.Duration) string {
	select {
	case v := <-slow(d, "result"):
		return v
	case <-time.After(limit):
		return "timeout after " + limit.String()
	}
}

func main() {
	fmt.Println(fetch(time.Millisecond, 200*time.Millisecond))
	fmt.Println(fetch(200*time.Millisecond, 20*time.Millisecond))
	timeout := time.After(60 * time.Millisecond)
	tick := 0
	for {
		select {
		case <-timeout:
			fmt.Println("stopped, ticks >= 2:", tick >= 2)
			return
		case <-time.After(10 * time.Millisecond):
			tick++
		}
	}
}
