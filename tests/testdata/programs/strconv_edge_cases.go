package main

import (
	"fmt"
	"strconv"
)

func main() {
	for _, s := range []string{"42", "-0", "+7", " 3", "3.0", "", "9223372036854775808", "0x1F", "1_000"} {
		n, err := strconv.Atoi(s)
		fmt.Printf("Atoi(%q) = %d, %v\n", s, n, err)
	}
	for _, base := range []int{0, 2, 8, 16} {
		n, err := strconv.ParseInt("0x1F", base, 64)
		fmt.Println(base, n, err)
	}
	v, err := strconv.ParseInt("300", 10, 8)
	fmt.Println(v, err)
	u, err := strconv.ParseUint("-1", 10, 64)
	fmt.Println(u, err)
	b, err := strconv.ParseBool("T")
	fmt.Println(b, err)
	_, err = strconv.ParseBool("yes")
	fmt.Println(err)
	f, err := strconv.ParseFloat("1e400", 64)
	fmt.Println(f, err)
	f, err = strconv.ParseFloat("inf", 64)
	fmt.Println(f, err)
	fmt.Println(strconv.Itoa(-45), strconv.FormatInt(255, 2), strconv.FormatInt(-255, 16), strconv.FormatUint(1<<63, 36))
	fmt.Println(strconv.Quote("tab\there \"q\" é ☺"), strconv.QuoteToASCII("é ☺"), strconv.QuoteRune('☺'))
	s, err := strconv.Unquote(`"a\tb"`)
	fmt.Printf("%q %v\n", s, err)
	_, err = strconv.Unquote("no quotes")
	fmt.Println(err)
	fmt.Println(strconv.AppendInt([]byte("n="), 12, 10), string(strconv.AppendQuote(nil, "x")))
	if ne, ok := err.(*strconv.NumError); ok {
		fmt.Println("NumError", ne.Func)
	} else {
		fmt.Printf("%T\n", err)
	}
	_, err = strconv.Atoi("12a")
	ne := err.(*strconv.NumError)
	fmt.Println(ne.Func, ne.Num, ne.Err, ne.Err == strconv.ErrSyntax)
}
