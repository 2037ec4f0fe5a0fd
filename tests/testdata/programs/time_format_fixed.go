package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.Date(2024, time.February, 28, 22, 45, 30, 123456789, time.UTC)
	fmt.Println(t)
	fmt.Println(t.Format(time.RFC3339), t.Format(time.RFC3339Nano))
	fmt.Println(t.Format("2006-01-02 15:04:05.000"), t.Format("Mon Jan _2 3:04PM"))
	fmt.Println(t.Format(time.Kitchen), t.Format("02/01/06"), t.Weekday(), t.YearDay())
	next := t.Add(3 * time.Hour)
	fmt.Println(next.Format(time.DateTime), next.Month(), next.Day())
	fmt.Println(t.AddDate(0, 0, 2).Format(time.DateOnly))
	d := next.Sub(t)
	fmt.Println(d, d.Minutes(), d.Hours())
	fmt.Println(t.Truncate(time.Hour).Format(time.TimeOnly), t.Round(time.Minute).Format(time.TimeOnly))
	dur, err := time.ParseDuration("1h15m30.5s")
	fmt.Println(dur, err, dur.Seconds(), dur.Truncate(time.Minute), dur.Round(time.Hour))
	p, err := time.Parse("2006-01-02", "2023-12-25")
	fmt.Println(p, err, p.Before(t), p.After(t), p.Equal(p))
	_, err = time.Parse("2006-01-02", "2023-13-01")
	fmt.Println(err)
	y, m, dd := t.Date()
	h, mi, s := t.Clock()
	fmt.Println(y, m, dd, h, mi, s, t.Nanosecond(), t.Unix())
	fmt.Println(time.Unix(0, 0).UTC(), time.Duration(1500)*time.Millisecond)
	loc := time.FixedZone("EST", -5*3600)
	fmt.Println(t.In(loc).Format(time.RFC1123Z), t.In(loc).Location())
	fmt.Printf("%v %s %d\n", 90*time.Second, 2*time.Millisecond+500*time.Microsecond, time.Second)
}
