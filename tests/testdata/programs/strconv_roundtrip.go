package main

import (
	"errors"
	"fmt"
	"strconv"
)

func main() {
	for _, s := range []string{"42", "-17", "0x1f", "abc", "99999999999999999999"} {
		n, err := strconv.Atoi(s)
		fmt.Println(s, n, err)
	}
	v, err := strconv.ParseInt("0x1f", 0, 64)
	fmt.Println(v, err)
	u, err := strconv.ParseUint("255", 10, 8)
	fmt.Println(u, err)
	_, err = strconv.ParseUint("256", 10, 8)
	var ne *strconv.NumError
	fmt.Println(errors.As(err, &ne), ne.Func, ne.Num, errors.Is(err, strconv.ErrRange))
	f, _ := strconv.ParseFloat("3.25", 64)
	fmt.Println(f, strconv.FormatFloat(f, 'f', 3, 64), strconv.FormatFloat(f, 'e', -1, 64))
	b, err := strconv.ParseBool("TRUE")
	fmt.Println(b, err)
	fmt.Println(strconv.Itoa(-305), strconv.FormatInt(255, 2), strconv.FormatInt(255, 16), strconv.FormatInt(-8, 36))
	fmt.Println(strconv.Quote("hi\n\"there\""), strconv.QuoteRune('☺'), strconv.QuoteToASCII("héllo"))
	q, err := strconv.Unquote(`"a\tb"`)
	fmt.Printf("%q %v\n", q, err)
	buf := []byte("n=")
	buf = strconv.AppendInt(buf, 12, 10)
	buf = strconv.AppendQuote(buf, "x")
	buf = strconv.AppendBool(buf, true)
	fmt.Println(string(buf))
}
