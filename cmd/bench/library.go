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
		found = append(found, goBenchmark{name: name, nsPerOp: ns})
	}
	return found, sc.Err()
}

// isChannelBaseline tells whether a benchmark measures bare channels, the baseline that
// the library's figures are compared to.
func isChannelBaseline(name string) bool {
	lower := strings.ToLower(name)
	return strings.Contains(lower, "chan")
}

// baselineFor returns the bare-channel benchmark that b compares to: the one in b's group
// (the same name up to the last "/") if there is one, else the first of all; ok is false
// when there is none or b is one.
func baselineFor(b goBenchmark, all []goBenchmark) (goBenchmark, bool) {
	if isChannelBaseline(b.name) {
		return goBenchmark{}, false
	}
	group := func(name string) string {
		i := strings.LastIndexByte(name, '/')
		return name[:max(i, 0)]
	}
	var first *goBenchmark
	for i, c := range all {
		if !isChannelBaseline(c.name) {
			continue
		}
		if group(c.name) != "" && group(c.name) == group(b.name) {
			return c, true
		}
		if first == nil {
			first = &all[i]
		}
	}
	if first == nil {
		return goBenchmark{}, false
	}
	return *first, true
}
