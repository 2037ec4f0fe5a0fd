package main

import (
	"slices"
	"time"
)

// percentile returns the p-th percentile (0 ≤ p ≤ 100) of samples by the nearest-rank
// method, or 0 for no samples.
func percentile(samples []time.Duration, p float64) time.Duration {
	if len(samples) == 0 {
		return 0
	}
	sorted := slices.Clone(samples)
	slices.Sort(sorted)
	rank := int(p/100*float64(len(sorted))+0.999999) - 1
	return sorted[min(max(rank, 0), len(sorted)-1)]
}

// median returns the 50th percentile of samples.
func median(samples []time.Duration) time.Duration { return percentile(samples, 50) }
