// Breaks and continues in select, switch and for statements, as Go runs them.
package main

import "fmt"

func a() {
	ch := make(chan int, 10)
	for i := 0; i < 10; i++ {
		ch <- i
	}
	n := 0
loop:
	for {
		select {
		case v := <-ch:
			n++
			if v == 3 {
				break loop
			}
		}
	}
	fmt.Println("a", n)
}
func b() {
	n := 0
outer:
	for i := 0; i < 3; i++ {
		select {
		default:
			if i == 1 {
				continue outer
			}
			n += 10
		}
		n++
	}
	fmt.Println("b", n)
}
func c() {
	n := 0
	for i := 0; i < 3; i++ {
		select {
		default:
			if i == 1 {
				break
			}
			n += 10
		}
		n++
	}
	fmt.Println("c", n)
}
func d() {
	n := 0
sw:
	for i := 0; i < 5; i++ {
		switch {
		case i == 2:
			break sw
		}
		n++
	}
	fmt.Println("d", n)
}
func e() {
	n := 0
next:
	for i := 0; i < 4; i++ {
		switch i {
		case 1, 2:
			continue next
		}
		n++
	}
	i := 0
again:
	if i < 3 {
		i++
		goto again
	}
	fmt.Println("e", n, i)
}

func f1() {
	n := 0
loop:
	for i := 0; i < 3; i++ {
		select {
		default:
			n += 10
			continue loop
		}
		n++
	}
	fmt.Println("f1", n)
}
func f2() {
	n := 0
	for i := 0; i < 3; i++ {
	S:
		select {
		default:
			n += 10
			break S
		}
		n++
	}
	fmt.Println("f2", n)
}
func f3() {
	n := 0
	for i := 0; i < 3; i++ {
		select {
		default:
			n += 10
			break
		}
		n++
	}
	fmt.Println("f3", n)
}
func f4() {
	n := 0
	for i := 0; i < 3; i++ {
	S:
		select {
		default:
			n += 10
			if true {
				break S
			}
		}
		n++
	}
	fmt.Println("f4", n)
}

func g1() {
	n := 0
	for i := 0; i < 3; i++ {
		select {
		default:
			n += 10
			continue
		}
		n++
	}
	fmt.Println("g1", n)
}
func g2() {
	n := 0
	for i := 0; i < 3; i++ {
		select {
		default:
			n += 10
			if true {
				continue
			}
		}
		n++
	}
	fmt.Println("g2", n)
}

func t3() {
	done := make(chan struct{})
	close(done)
	n := 0
loop:
	for {
		n++
		if n > 5 {
			fmt.Println("t3 stuck")
			return
		}
		select {
		case <-done:
			break loop
		}
	}
	fmt.Println("t3 out", n)
}

func main() {
	t3()
	a()
	b()
	c()
	d()
	e()
	f1()
	f2()
	f3()
	f4()
	g1()
	g2()
}
