package main

import (
	"encoding/json"
	"fmt"
)

func main() {
	cfg := struct {
		Host string
		Port int
	}{"localhost", 8080}
	fmt.Println(cfg, cfg.Host)
	fmt.Printf("%+v %T\n", cfg, cfg)
	tests := []struct {
		in   string
		want int
	}{
		{"a", 1},
		{"bb", 2},
		{"", 0},
	}
	for _, tc := range tests {
		fmt.Println(tc.in, len(tc.in) == tc.want)
	}
	var p struct{ X, Y float64 }
	p.X = 1.5
	q := struct{ X, Y float64 }{1.5, 0}
	fmt.Println(p == q)
	type named struct{ X, Y float64 }
	n := named(p)
	fmt.Printf("%v %T\n", n, n)
	b, _ := json.Marshal(struct {
		Name string `json:"name"`
		Age  int    `json:"age"`
	}{"kim", 30})
	fmt.Println(string(b))
	pt := &struct{ N int }{N: 3}
	pt.N++
	fmt.Println(pt.N, *pt)
	list := []struct {
		k string
		v []int
	}{{"a", []int{1}}, {"b", nil}}
	fmt.Println(list, len(list[1].v))
	empty := struct{}{}
	fmt.Println(empty, map[string]struct{}{"set": {}})
}
