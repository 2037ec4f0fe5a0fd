package main

import (
	"fmt"
	"strings"
	"time"
)

type Account struct {
	Owner   string
	Balance int
}

func (a *Account) Deposit(n int) { a.Balance += n }

func (a Account) Report() string { return fmt.Sprintf("%s: %d", a.Owner, a.Balance) }

func (a Account) Tags(sep string, tags ...string) string {
	return a.Owner + sep + strings.Join(tags, sep)
}

func main() {
	acc := &Account{Owner: "ana"}
	before := acc.Report
	deposit := acc.Deposit
	deposit(10)
	fmt.Println(before(), acc.Report())
	copyOf := *acc
	frozen := copyOf.Report
	copyOf.Balance = 99
	fmt.Println(frozen(), copyOf.Report())
	expr := (*Account).Deposit
	expr(acc, 5)
	fmt.Println(Account.Report(*acc))
	tags := Account.Tags
	fmt.Println(tags(*acc, "/", "x", "y"))
	fmt.Println(time.Duration.String(90 * time.Second))
	fmt.Println(strings.Map(func(r rune) rune { return r + 1 }, "abc"))
}
