package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.Date(2024, time.February, 28, 22, 30, 15, 500_000_000, time.UTC)
	fmt.Println(t)
	fmt.Println(t.Format(time.RFC3339), t.Format(time.RFC3339Nano))
	fmt.Println(t.Format("2006-01-02 15:04:05.000"), t.Format("Jan 2, 2006 at 3:04pm (MST)"))
	fmt.Println(t.Format(time.Kitchen), t.Format("Monday 02/01/06"), t.Format(time.ANSIC))
	fmt.Println(t.Year(), t.Month(), t.Day(), t.Weekday(), t.YearDay(), t.Hour(), t.Nanosecond())
	next := t.Add(3 * time.Hour)
	fmt.Println(next, next.Weekday())
	fmt.Println(t.AddDate(0, 0, 2).Format("2006-01-02"), t.AddDate(1, 0, 1).Format("2006-01-02"))
	later := time.Date(2024, 3, 10, 8, 0, 0, 0, time.UTC)
	d := later.Sub(t)
	fmt.Println(d, d.Hours(), d.Round(time.Hour), d.Truncate(time.Minute))
	fmt.Println(t.Before(later), t.After(later), t.Equal(t.Add(0)))
	fmt.Println(t.Truncate(time.Hour).Format(time.TimeOnly), t.Round(time.Minute).Format(time.DateTime))
	p, err := time.Parse("2006-01-02 15:04", "2023-11-05 07:45")
	fmt.Println(p, err)
	_, err = time.Parse(time.RFC3339, "not a time")
	fmt.Println(err)
	p2, _ := time.Parse(time.RFC1123Z, "Mon, 02 Jan 2006 15:04:05 -0700")
	fmt.Println(p2.UTC(), p2.Unix())
	fmt.Println(time.Unix(1700000000, 0).UTC())
	dur, err := time.ParseDuration("1h15m30.5s")
	fmt.Println(dur, dur.Seconds(), err)
	fmt.Println(time.Duration(1500)*time.Microsecond, 90*time.Second, time.Duration(0))
	loc := time.FixedZone("EST", -5*3600)
	fmt.Println(t.In(loc), t.In(loc).Format(time.RFC822Z))
	fmt.Println(t.Month() == time.February, time.Saturday, time.Month(13))
	fmt.Println(t.IsZero(), time.Time{}.IsZero(), time.Time{})
}
