package main

import (
	"bufio"
	"io"
	"strconv"
	"strings"
)

// goBenchmark is one line of `go test -bench` output.
type goBenchmark struct {
	name    string // without the Benchmark prefix and the -GOMAXPROCS suffix
	nsPerOp float64
	metrics string // the line's other measurements, such as "1.000 forced-waits/op, 1.9 cores"
}

// parseGoBenchmarks reads the results of `go test -bench` output, skipping other lines.
func parseGoBenchmarks(r io.Reader) ([]goBenchmark, error) {
	var found []goBenchmark
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 4 || !strings.HasPrefix(fields[0], "Benchmark") || fields[3] != "ns/op" {
			continue
		}
		ns, err := strconv.ParseFloat(fields[2], 64)
		if err != nil {
			continue
		}
		name := strings.TrimPrefix(fields[0], "Benchmark")
		if i := strings.LastIndexByte(name, '-'); i > 0 {
			if _, err := strconv.Atoi(name[i+1:]); err == nil {
				name = name[:i]
			}
		}
		var metrics []string
		for i := 4; i+1 < len(fields); i += 2 {
			metrics = append(metrics, fields[i]+" "+fields[i+1])
		}
		found = append(found, goBenchmark{name: name, nsPerOp: ns, metrics: strings.Join(metrics, ", ")})
	}
	return found, sc.Err()
}

// isChannelBaseline tells whether a benchmark measures bare channels, the baseline that
// the library's figures are compared to.
func isChannelBaseline(name string) bool {
	lower := strings.ToLower(name)
	return strings.Contains(lower, "chan")
}

// baselineFor returns the benchmark that b compares to: for a benchmark of a group that
// varies a count ("Pool/cpu/4"), the same group with a count of 1 ("Pool/cpu/1"), so that
// the ratio shows how the work scales; for one of a group with an "alone" member
// ("Convoy/5ms/cpu-neighbour"), that member ("Convoy/5ms/alone"); for others, the first
// bare-channel benchmark. ok is false when there is none, or b is a baseline itself.
func baselineFor(b goBenchmark, all []goBenchmark) (base goBenchmark, ok bool) {
	if isChannelBaseline(b.name) {
		return goBenchmark{}, false
	}
	if i := strings.LastIndexByte(b.name, '/'); i >= 0 {
		if alone, found := find(all, b.name[:i]+"/alone"); found {
			if alone.name == b.name {
				return goBenchmark{}, false
			}
			return alone, true
		}
		if count, err := strconv.Atoi(b.name[i+1:]); err == nil {
			if count == 1 {
				return goBenchmark{}, false
			}
			return find(all, b.name[:i]+"/1")
		}
	}
	for _, c := range all {
		if isChannelBaseline(c.name) {
			return c, true
		}
	}
	return goBenchmark{}, false
}

// find returns the benchmark named name.
func find(all []goBenchmark, name string) (goBenchmark, bool) {
	for _, c := range all {
		if c.name == name {
			return c, true
		}
	}
	return goBenchmark{}, false
}
