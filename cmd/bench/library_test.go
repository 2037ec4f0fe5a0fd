package main

import (
	"os"
	"slices"
	"testing"
)

func TestParseGoBenchmarks(t *testing.T) {
	f, err := os.Open("testdata/bench.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got, err := parseGoBenchmarks(f)
	if err != nil {
		t.Fatal(err)
	}
	want := []goBenchmark{{"Channel", 250, ""}, {"Mailbox", 750, "48 B/op, 1 allocs/op"}, {"HandOff/channel", 400, ""},
		{"HandOff/gil", 1200, ""}, {"Queue", 1000, ""}, {"Convoy/5ms/cpu-neighbour", 6.1e6, "1.000 forced-waits/op"}}
	if !slices.Equal(got, want) {
		t.Errorf("parseGoBenchmarks = %v, want %v", got, want)
	}
}

func TestBaselineFor(t *testing.T) {
	all := []goBenchmark{{"Mailbox", 750, ""}, {"BareChannel", 250, ""}, {"Queue", 400, ""},
		{"Pool/cpu/1", 1200, ""}, {"Pool/cpu/4", 400, ""}, {"Pool/io/2", 10, ""}, {"Pool/named", 5, ""},
		{"Convoy/1ms/alone", 1.1e6, ""}, {"Convoy/1ms/cpu-neighbour", 2.1e6, ""}}
	cases := []struct {
		name   string
		want   string
		wantOK bool
	}{
		{"Mailbox", "BareChannel", true},
		{"Queue", "BareChannel", true},
		{"Pool/cpu/4", "Pool/cpu/1", true},
		{"Pool/named", "BareChannel", true},
		{"Pool/cpu/1", "", false},
		{"Pool/io/2", "", false},
		{"BareChannel", "", false},
		{"Convoy/1ms/cpu-neighbour", "Convoy/1ms/alone", true},
		{"Convoy/1ms/alone", "", false},
	}
	for _, c := range cases {
		base, ok := baselineFor(goBenchmark{name: c.name}, all)
		if ok != c.wantOK || base.name != c.want {
			t.Errorf("baselineFor(%s) = %q, %v; want %q, %v", c.name, base.name, ok, c.want, c.wantOK)
		}
	}
	if _, ok := baselineFor(goBenchmark{name: "Mailbox"}, []goBenchmark{{"Mailbox", 1, ""}}); ok {
		t.Error("found a baseline among no channel benchmarks")
	}
}
