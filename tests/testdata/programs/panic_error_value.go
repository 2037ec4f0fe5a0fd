package main

import (
	"errors"
	"fmt"
)

type Disk struct{ free int }

func (d *Disk) Write(n int) {
	if n > d.free {
		panic(errors.New("disk is full"))
	}
	d.free -= n
	fmt.Println("wrote", n, "free", d.free)
}

func main() {
	d := &Disk{free: 10}
	d.Write(4)
	d.Write(5)
	fmt.Println("before")
	d.Write(2)
	fmt.Println("never printed")
}
