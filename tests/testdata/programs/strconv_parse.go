package main

import (
	"fmt"
	"strconv"
)

func main() {
	for _, s := range []string{"42", "-7", "3.5", "abc", "99999999999999999999"} {
		n, err := strconv.Atoi(s)
		if err != nil {
			fmt.Println("error:", err)
			continue
		}
		fmt.Println("int:", n)
	}
	f, err := strconv.ParseFloat("2.5e3", 64)
	fmt.Println(f, err)
	b, err := strconv.ParseBool("true")
	fmt.Println(b, err)
	fmt.Println(strconv.FormatInt(255, 2), strconv.FormatInt(255, 16), strconv.Itoa(-12))
	fmt.Println(strconv.Quote("tab\there"), strconv.FormatFloat(3.14159, 'f', 2, 64))
	u, err := strconv.ParseUint("-1", 10, 64)
	fmt.Println(u, err)
	if ne, ok := err.(*strconv.NumError); ok {
		fmt.Println(ne.Func, ne.Num, ne.Err)
	}
}
