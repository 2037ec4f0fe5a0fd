package main

import (
	"fmt"
	"time"
)

func main() {
	d := 90 * time.Minute
	fmt.Println(d, d.Hours(), d.Minutes())
	fmt.Println(1500*time.Millisecond, 2*time.Second+300*time.Millisecond)
	fmt.Println(time.Duration(1234567890), time.Duration(0), 42*time.Microsecond)
	p, err := time.ParseDuration("1h15m30.5s")
	fmt.Println(p, err, p.Round(time.Minute), p.Truncate(time.Hour))
	t := time.Date(2024, time.February, 28, 23, 30, 0, 0, time.UTC)
	next := t.Add(time.Hour)
	fmt.Println(next.Format("2006-01-02 15:04"), next.Weekday(), next.YearDay())
	fmt.Println(next.Sub(t), t.Before(next), t.AddDate(0, 1, 0).Format(time.DateOnly))
	fmt.Printf("%T %v\n", d, time.Duration(1)*time.Hour > time.Minute)
}
