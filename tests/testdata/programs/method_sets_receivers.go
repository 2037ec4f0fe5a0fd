package main

import "fmt"

type Counter struct{ n int }

func (c *Counter) Inc()      { c.n++ }
func (c Counter) Value() int { return c.n }

type Incrementer interface{ Inc() }
type Valuer interface{ Value() int }

func bump(i Incrementer, times int) {
	for range times {
		i.Inc()
	}
}

func main() {
	c := Counter{}
	c.Inc()
	bump(&c, 3)
	fmt.Println(c.Value())
	var v Valuer = c
	c.Inc()
	fmt.Println(v.Value(), c.Value())
	v = &c
	c.Inc()
	fmt.Println(v.Value(), c.Value())
	_, ok := any(c).(Incrementer)
	_, okp := any(&c).(Incrementer)
	fmt.Println(ok, okp)
	counters := []Counter{{1}, {2}}
	for _, k := range counters {
		k.Inc()
	}
	fmt.Println(counters)
	for i := range counters {
		counters[i].Inc()
	}
	fmt.Println(counters)
	m := map[string]*Counter{"a": {10}}
	m["a"].Inc()
	fmt.Println(m["a"].Value())
	inc := c.Inc
	inc()
	inc()
	fmt.Println(c.n)
	val := Counter.Value
	ptrInc := (*Counter).Inc
	ptrInc(&c)
	fmt.Println(val(c))
}
