package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.NewTimer(time.Hour)
	fmt.Println("stopped before firing:", t.Stop())
	t.Reset(5 * time.Millisecond)
	<-t.C
	fmt.Println("fired after reset")
	fmt.Println("stop after firing:", t.Stop())

	fired := make(chan string, 1)
	af := time.AfterFunc(10*time.Millisecond, func() { fired <- "after func ran" })
	fmt.Println(<-fired)
	fmt.Println(af.Stop())

	cancelled := time.AfterFunc(time.Hour, func() { fmt.Println("never") })
	fmt.Println("cancelled:", cancelled.Stop())

	start := time.Now()
	<-time.After(15 * time.Millisecond)
	fmt.Println("waited at least 15ms:", time.Since(start) >= 15*time.Millisecond)
}
