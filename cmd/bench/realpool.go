package main

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/concurlab/concurlab/kernel/client"
)

// realPoolRun is what a real process pool (concur.StartProcesses) costs in a cell.
type realPoolRun struct {
	costs processCosts  // as for the other real processes: start, small call, per KiB of ints
	mib   time.Duration // the round trip of a 1 MiB []byte (2 MiB copied)
}

// realPoolDecls are the functions the pool's processes run, declared in the session.
const realPoolDecls = `import (
	"concur"
	"fmt"
	"sort"
	"time"
)

func benchNothing() {}
func benchInts(xs []int) []int { return xs }
func benchBytes(b []byte) []byte { return b }`

// realPoolCell measures, in the cell, the median start of a pool of one process (the session's
// declarations replayed in it), then on one process the median round trip of a call without
// arguments, of bigInts ints and of 1 MiB of bytes; it prints the four in nanoseconds.
const realPoolCell = `benchMedian := func(f func() time.Duration, n int) int64 {
	ds := make([]time.Duration, n)
	for i := range ds {
		ds[i] = f()
	}
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	return int64(ds[n/2])
}
benchStart := benchMedian(func() time.Duration {
	began := time.Now()
	p, err := concur.StartProcesses(1)
	if err != nil {
		panic(err)
	}
	d := time.Since(began)
	p.Close()
	return d
}, %d)
benchPool, err := concur.StartProcesses(1)
if err != nil {
	panic(err)
}
benchTrip := func(name string, arg, reply any) func() time.Duration {
	return func() time.Duration {
		began := time.Now()
		if err := benchPool.Call(name, arg, reply); err != nil {
			panic(err)
		}
		return time.Since(began)
	}
}
benchInput := make([]int, %d)
for i := range benchInput {
	benchInput[i] = i * 7919
}
var benchIntsBack []int
var benchBytesBack []byte
fmt.Println(benchStart, benchMedian(benchTrip("benchNothing", nil, nil), %d),
	benchMedian(benchTrip("benchInts", benchInput, &benchIntsBack), %d),
	benchMedian(benchTrip("benchBytes", make([]byte, 1<<20), &benchBytesBack), %d))
benchPool.Close()`

// measureRealPool measures a real process pool in c's session: starts processes times, and
// makes calls small calls and a tenth as many large ones (at least 3 each).
func measureRealPool(c *client.Client, starts, calls int) (realPoolRun, error) {
	if _, err := mustSucceed(c, realPoolDecls); err != nil {
		return realPoolRun{}, err
	}
	large := max(3, calls/10)
	r, err := mustSucceed(c, fmt.Sprintf(realPoolCell, max(3, starts), bigInts, max(3, calls), large, large))
	if err != nil {
		return realPoolRun{}, err
	}
	var ns []time.Duration
	for _, f := range strings.Fields(r.stdout) {
		n, err := strconv.ParseInt(f, 10, 64)
		if err != nil {
			return realPoolRun{}, fmt.Errorf("the pool's figures %q: %w", r.stdout, err)
		}
		ns = append(ns, time.Duration(n))
	}
	if len(ns) != 4 {
		return realPoolRun{}, fmt.Errorf("the pool's figures %q: want four", r.stdout)
	}
	return realPoolRun{costs: processCosts{startUp: ns[0], perTask: ns[1], perKiB: ns[2] / (2 * bigInts * 8 / 1024)}, mib: ns[3]}, nil
}
