package main

import (
	"testing"
	"time"
)

func TestPercentile(t *testing.T) {
	ten := []time.Duration{10, 1, 9, 2, 8, 3, 7, 4, 6, 5}
	cases := []struct {
		name    string
		samples []time.Duration
		p       float64
		want    time.Duration
	}{
		{"none", nil, 50, 0},
		{"one", []time.Duration{7}, 95, 7},
		{"median of ten", ten, 50, 5},
		{"p95 of ten", ten, 95, 10},
		{"p90 of ten", ten, 90, 9},
		{"minimum", ten, 0, 1},
		{"maximum", ten, 100, 10},
		{"median of three", []time.Duration{3, 1, 2}, 50, 2},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := percentile(c.samples, c.p); got != c.want {
				t.Errorf("percentile(%v, %v) = %v, want %v", c.samples, c.p, got, c.want)
			}
		})
	}
}

func TestPercentileKeepsSamples(t *testing.T) {
	samples := []time.Duration{3, 1, 2}
	median(samples)
	if samples[0] != 3 || samples[1] != 1 || samples[2] != 2 {
		t.Errorf("median reordered its samples: %v", samples)
	}
}
