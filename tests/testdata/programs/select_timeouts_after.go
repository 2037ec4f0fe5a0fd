package main

import (
	"errors"
	"fmt"
	"time"
)

var ErrTimeout = errors.New("timed out")

func fetch(delay time.Duration) <-chan string {
	c := make(chan string, 1)
	go func() {
		time.Sleep(delay)
		c <- fmt.Sprint("result after ", delay)
	}()
	return c
}

func withTimeout(delay, limit time.Duration) (string, error) {
	select {
	case res := <-fetch(delay):
		return res, nil
	case <-time.After(limit):
		return "", ErrTimeout
	}
}

func main() {
	fmt.Println(withTimeout(200*time.Millisecond, 20*time.Millisecond))
	fmt.Println(withTimeout(5*time.Millisecond, 300*time.Millisecond))
	timer := time.NewTimer(time.Hour)
	stopped := timer.Stop()
	fmt.Println("stopped before firing:", stopped)
	done := make(chan struct{})
	time.AfterFunc(10*time.Millisecond, func() { close(done) })
	select {
	case <-done:
		fmt.Println("AfterFunc ran")
	case <-time.After(2 * time.Second):
		fmt.Println("AfterFunc never ran")
	}
	deadline := time.After(30 * time.Millisecond)
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	select {
	case <-tick.C:
		fmt.Println("tick first")
	case <-deadline:
		fmt.Println("deadline first")
	}
}
