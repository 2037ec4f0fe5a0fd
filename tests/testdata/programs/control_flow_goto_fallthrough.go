package main

import "fmt"

func grade(score int) string {
	switch {
	case score >= 90:
		return "A"
	case score >= 80:
		return "B"
	default:
		return "C"
	}
}

func main() {
	for n := 0; n < 4; n++ {
		switch n {
		case 0:
			fmt.Print("zero ")
			fallthrough
		case 1:
			fmt.Print("one-or-fell ")
		case 2, 3:
			fmt.Print("two-three ")
			if n == 3 {
				break
			}
			fmt.Print("(two) ")
		}
		fmt.Println()
	}
	i := 0
loop:
	if i < 3 {
		fmt.Print("goto", i, " ")
		i++
		goto loop
	}
	fmt.Println()
outer:
	for a := 1; a <= 3; a++ {
		for b := 1; b <= 3; b++ {
			if b == 2 {
				continue outer
			}
			if a == 3 {
				break outer
			}
			fmt.Print(a, b, " ")
		}
	}
	fmt.Println()
	fmt.Println(grade(95), grade(85), grade(10))
	switch x := 5; {
	case x > 3:
		fmt.Println("big")
		fallthrough
	case x > 100:
		fmt.Println("fell into huge")
	default:
		fmt.Println("never")
	}
}
