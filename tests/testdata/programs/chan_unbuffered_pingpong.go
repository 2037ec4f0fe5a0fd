package main

import "fmt"

type Ball struct{ hits int }

func player(name string, table chan *Ball, done chan bool) {
	for {
		ball, ok := <-table
		if !ok {
			done <- true
			return
		}
		ball.hits++
		fmt.Println(name, ball.hits)
		if ball.hits == 6 {
			close(table)
			done <- true
			return
		}
		table <- ball
	}
}

func main() {
	table := make(chan *Ball)
	done := make(chan bool)
	go player("ping", table, done)
	go player("pong", table, done)
	table <- new(Ball)
	<-done
	<-done
	fmt.Println("game over")
}
