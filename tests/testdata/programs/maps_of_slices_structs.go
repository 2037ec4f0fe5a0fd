package main

import (
	"fmt"
	"maps"
	"slices"
)

type Stats struct {
	Count int
	Total float64
}

type Vertex struct{ Lat, Long float64 }

func main() {
	groups := map[string][]int{}
	for i := range 10 {
		key := "odd"
		if i%2 == 0 {
			key = "even"
		}
		groups[key] = append(groups[key], i)
	}
	fmt.Println(groups, len(groups["none"]))
	stats := map[string]Stats{}
	for _, s := range []struct {
		k string
		v float64
	}{{"a", 1}, {"b", 2}, {"a", 3}} {
		st := stats[s.k]
		st.Count++
		st.Total += s.v
		stats[s.k] = st
	}
	fmt.Println(stats)
	ptrs := map[string]*Stats{"x": {}}
	ptrs["x"].Count += 5
	fmt.Println(*ptrs["x"])
	m := map[string]Vertex{"Bell Labs": {40.68433, -74.39967}, "Google": {37.42202, -122.08408}}
	fmt.Println(m)
	delete(m, "Google")
	v, ok := m["Google"]
	fmt.Println(v, ok, len(m))
	nested := map[string]map[string]int{}
	if nested["a"] == nil {
		nested["a"] = map[string]int{}
	}
	nested["a"]["b"]++
	fmt.Println(nested)
	keys := slices.Sorted(maps.Keys(groups))
	fmt.Println(keys)
	clone := maps.Clone(groups)
	clone["odd"][0] = 99
	fmt.Println(groups["odd"], maps.Equal(stats, map[string]Stats{}))
}
