package main

import "fmt"

type Account struct {
	Owner   string
	Balance int
}

func (a *Account) Deposit(n int) { a.Balance += n }
func (a Account) Report() string { return fmt.Sprintf("%s: %d", a.Owner, a.Balance) }

func apply(f func(int), xs ...int) {
	for _, x := range xs {
		f(x)
	}
}

func main() {
	acc := &Account{Owner: "ana"}
	apply(acc.Deposit, 10, 20, 5)
	report := acc.Report
	acc.Deposit(100)
	fmt.Println(report())
	fmt.Println(acc.Report())
	expr := (*Account).Deposit
	expr(acc, 1)
	byValue := Account.Report
	fmt.Println(byValue(*acc))
}
