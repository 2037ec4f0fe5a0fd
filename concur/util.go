package concur

import (
	"strconv"
	"sync/atomic"
)

// itoa formats n in decimal.
func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// newCounterName returns a func that names things prefix-1, prefix-2, ….
func newCounterName(prefix string) func() string {
	var n atomic.Int64
	return func() string { return prefix + "-" + itoa(n.Add(1)) }
}
