package main

import (
	"errors"
	"fmt"
	"sync"
)

type Account struct {
	mu      sync.Mutex
	balance int
}

var ErrFunds = errors.New("insufficient funds")

func (a *Account) Withdraw(n int) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.balance < n {
		return ErrFunds
	}
	a.balance -= n
	return nil
}

func (a *Account) Balance() int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.balance
}

func main() {
	acc := &Account{balance: 100}
	var wg sync.WaitGroup
	var mu sync.Mutex
	ok, failed := 0, 0
	for range 15 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			err := acc.Withdraw(10)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				failed++
			} else {
				ok++
			}
		}()
	}
	wg.Wait()
	fmt.Println("ok", ok, "failed", failed, "balance", acc.Balance())
	fmt.Println(acc.Withdraw(1), errors.Is(acc.Withdraw(1), ErrFunds))
}
