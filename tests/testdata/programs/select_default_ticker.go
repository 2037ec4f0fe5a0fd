package main

import (
	"fmt"
	"time"
)

func main() {
	msgs := make(chan string, 1)
	select {
	case m := <-msgs:
		fmt.Println("got", m)
	default:
		fmt.Println("no message")
	}
	msgs <- "hi"
	select {
	case msgs <- "second":
		fmt.Println("sent second")
	default:
		fmt.Println("buffer full")
	}
	select {
	case m := <-msgs:
		fmt.Println("got", m)
	default:
		fmt.Println("no message")
	}
	ticker := time.NewTicker(5 * time.Millisecond)
	defer ticker.Stop()
	ticks := 0
	for range ticker.C {
		ticks++
		if ticks == 3 {
			break
		}
	}
	fmt.Println("ticks:", ticks)
	timer := time.NewTimer(time.Hour)
	fmt.Println("stopped:", timer.Stop())
	done := make(chan bool)
	go func() {
		time.Sleep(5 * time.Millisecond)
		close(done)
	}()
	polls := 0
	for {
		select {
		case <-done:
			fmt.Println("done after polling:", polls > 0)
			return
		default:
			polls++
			time.Sleep(time.Millisecond)
		}
	}
}
