package main

import (
	"bytes"
	"errors"
	"fmt"
	"time"
)

// kernelRows turns the kernels' figures into the table's rows; peer is nil when ipykernel
// was not measured.
func kernelRows(cfg config, ours, peer *kernelResults) table {
	if peer == nil {
		peer = &kernelResults{}
		err := errNotMeasured
		peer.starts.err, peer.roundTrips.err, peer.tripCPU.err, peer.throughput.err, peer.spin.err = err, err, err, err, err
	}
	var t table
	timing := func(figure string, o, p result[[]time.Duration], stat func([]time.Duration) time.Duration) {
		t = append(t, compare(figure, o.err, p.err, stat, o.v, p.v))
	}
	timing(fmt.Sprintf("start → kernel_info_reply, median of %d", cfg.starts), ours.starts, peer.starts, median)
	timing(fmt.Sprintf("`1+1` round trip, median of %d", cfg.roundTrips), ours.roundTrips, peer.roundTrips, median)
	timing(fmt.Sprintf("`1+1` round trip, p95 of %d", cfg.roundTrips), ours.roundTrips, peer.roundTrips, func(d []time.Duration) time.Duration { return percentile(d, 95) })
	t = append(t, compare("`1+1` round trip: CPU per trip, the kernel process", ours.tripCPU.err, peer.tripCPU.err,
		func(c treeCPU) time.Duration { return c.root }, ours.tripCPU.v, peer.tripCPU.v))
	t = append(t, compare("`1+1` round trip: CPU per trip, the kernel and its worker", ours.tripCPU.err, peer.tripCPU.err,
		func(c treeCPU) time.Duration { return c.total }, ours.tripCPU.v, peer.tripCPU.v))

	lines := fmt.Sprintf("%d lines", cfg.lines)
	t = append(t, compare(lines+": last stream message", ours.throughput.err, peer.throughput.err,
		func(r throughput) time.Duration { return r.elapsed }, ours.throughput.v, peer.throughput.v))
	t = append(t, row{lines + ": bytes in stream messages",
		show(ours.throughput, batches), show(peer.throughput, batches),
		countRatio(ours.throughput, peer.throughput, func(r throughput) int { return r.messages })})
	t = append(t, row{Figure: lines + ": complete, in order", Ours: show(ours.throughput, inOrder), Peer: show(peer.throughput, inOrder)})
	t = append(t, row{Figure: lines + ": kernel process RSS growth",
		Ours: show(ours.throughput, growth), Peer: show(peer.throughput, growth)})

	of := fmt.Sprintf(", median of %d", cfg.interrupts)
	t = append(t, compare("interrupt `for {}` → interrupt_reply"+of, ours.spin.err, peer.spin.err,
		func(r interruption) time.Duration { return r.reply }, ours.spin.v, peer.spin.v))
	t = append(t, compare("interrupt `for {}` → cell's error reply"+of, ours.spin.err, peer.spin.err,
		func(r interruption) time.Duration { return r.cellReply }, ours.spin.v, peer.spin.v))
	t = append(t, row{Figure: "interrupt `for {}`: state kept", Ours: show(ours.spin, stateKept), Peer: show(peer.spin, stateKept)})
	t = append(t, row{Figure: "interrupt `wg.Wait()` → cell's error reply" + of,
		Ours: show(ours.stuck, func(r interruption) string { return ms(r.cellReply) })})
	t = append(t, row{Figure: "interrupt `wg.Wait()` → next cell idle" + of,
		Ours: show(ours.stuck, func(r interruption) string { return ms(r.nextCell) })})
	t = append(t, row{Figure: "interrupt `wg.Wait()`: state kept", Ours: show(ours.stuck, stateKept)})

	t = append(t, row{Figure: "interrupt `big.Int.Exp` (compiled, keeps computing) → busy worker replaced",
		Ours: show(ours.zombie, func(a abandonment) string { return ms(a.replaced) })})
	t = append(t, row{Figure: "interrupt `big.Int.Exp` → next cell idle",
		Ours: show(ours.zombie, func(a abandonment) string { return ms(a.nextCell) })})
	t = append(t, row{Figure: "worker crash (replaced) → next cell idle",
		Ours: show(ours.crash, func(r replacement) string { return ms(r.nextCell) })})
	t = append(t, row{Figure: "worker crash: state kept", Ours: show(ours.crash, func(r replacement) string {
		if r.state != nil {
			return "no: " + r.state.Error()
		}
		return "yes (" + r.errName + ")"
	})})
	t = append(t, row{Figure: "idle RSS, kernel + worker, after start", Ours: show(ours.idle, rss)})
	t = append(t, row{Figure: "idle RSS, kernel + worker, after the notebooks", Ours: showNotebooks(ours.notebooks)})
	t = append(t, row{Figure: fmt.Sprintf("fib(%d) in a cell vs compiled", cfg.fibN),
		Ours:  show(ours.fib, func(f [2]time.Duration) string { return ms(f[0]) }),
		Peer:  show(ours.fib, func(f [2]time.Duration) string { return "compiled " + ms(f[1]) }),
		Ratio: show(ours.fib, func(f [2]time.Duration) string { return ratio(float64(f[0]), float64(f[1])) })})
	t = append(t, row{Figure: fmt.Sprintf("fib(%d) in a `%%%%compile` cell (cached build), request → idle, vs the `go build` binary run directly", cfg.compiledFibN),
		Ours:  show(ours.compiled, func(r compiledRun) string { return ms(r.fibCell) }),
		Peer:  show(ours.compiled, func(r compiledRun) string { return "binary " + ms(r.fibBinary) }),
		Ratio: show(ours.compiled, func(r compiledRun) string { return ratio(float64(r.fibCell), float64(r.fibBinary)) })})
	t = append(t, row{Figure: "`%%compile` of a new cell (build and run) → first output",
		Ours: show(ours.compiled, func(r compiledRun) string { return ms(r.firstBuild) })})
	t = append(t, row{Figure: "`%%compile` of an unchanged cell (cache hit) → first output",
		Ours: show(ours.compiled, func(r compiledRun) string { return ms(r.cachedFirst) })})
	return t
}

// compare is a row of a duration that both kernels measured.
func compare[T any](figure string, oursErr, peerErr error, pick func(T) time.Duration, ours, peer T) row {
	r := row{Figure: figure, Ours: "failed", Peer: "failed"}
	if oursErr == nil {
		r.Ours = ms(pick(ours))
	}
	if peerErr == nil {
		r.Peer = ms(pick(peer))
	}
	if oursErr == nil && peerErr == nil {
		r.Ratio = ratio(float64(pick(ours)), float64(pick(peer)))
	}
	if errors.Is(peerErr, errNotMeasured) {
		r.Peer = ""
	}
	return r
}

// show formats a result with format, or says why it is missing.
func show[T any](r result[T], format func(T) string) string {
	switch {
	case r.err == nil:
		return format(r.v)
	case errors.Is(r.err, errNoNotebooks):
		return "no notebooks yet"
	case errors.Is(r.err, errNotMeasured):
		return ""
	}
	return "failed"
}

func batches(r throughput) string { return fmt.Sprintf("%d B in %d msgs", r.bytes, r.messages) }

func inOrder(r throughput) string {
	if r.err != nil {
		return "no: " + r.err.Error()
	}
	return "yes"
}

// rss writes the RSS of the kernel and its worker, and the kernel's share.
func rss(u treeUsage) string {
	return fmt.Sprintf("%s (kernel %s)", mib(u.total.RSS), mib(u.root.RSS))
}

func growth(r throughput) string { return mib(r.growth) }

func stateKept(r interruption) string {
	if r.state != nil {
		return "no: " + r.state.Error()
	}
	return "yes (" + r.errName + ")"
}

// countRatio compares a count that both kernels measured.
func countRatio[T any](ours, peer result[T], pick func(T) int) string {
	if ours.err != nil || peer.err != nil {
		return ""
	}
	return ratio(float64(pick(ours.v)), float64(pick(peer.v)))
}

// showNotebooks writes the memory after the notebooks and how many cells ran.
func showNotebooks(r result[notebookRun]) string {
	return show(r, func(n notebookRun) string {
		return fmt.Sprintf("%s; %d notebooks, %d cells, %d failed", rss(n.memory), n.notebooks, n.cells, n.failed)
	})
}

// libraryRows runs the Go benchmarks of concur, each compared to bare channels, and of the
// front end (kernel/gofront): its share of a trivial cell, a 100-line cell, a first import.
func libraryRows(root string, cfg config) table {
	return append(benchmarkRows(root, cfg, "./concur", "concur "), benchmarkRows(root, cfg, "./kernel/gofront", "front end ")...)
}

// benchmarkRows runs the Go benchmarks of pkg and names their rows with prefix.
func benchmarkRows(root string, cfg config, pkg, prefix string) table {
	logf("%sbenchmarks (-benchtime %s)", prefix, cfg.benchtime)
	var out bytes.Buffer
	cmd := goCommand(root, "test", "-run", "^$", "-bench", ".", "-benchtime", cfg.benchtime, pkg)
	cmd.Stdout = &out
	if err := cmd.Run(); err != nil {
		logf("%s benchmarks: %v", pkg, err)
		return table{{Figure: prefix + "benchmarks", Ours: "failed"}}
	}
	benchmarks, err := parseGoBenchmarks(&out)
	if err != nil || len(benchmarks) == 0 {
		return table{{Figure: prefix + "benchmarks", Ours: "none yet"}}
	}
	var t table
	for _, b := range benchmarks {
		r := row{Figure: prefix + b.name, Ours: nsPerOp(b.nsPerOp)}
		if b.metrics != "" {
			r.Ours += ", " + b.metrics
		}
		if base, ok := baselineFor(b, benchmarks); ok {
			r.Peer = base.name + " " + nsPerOp(base.nsPerOp)
			r.Ratio = ratio(b.nsPerOp, base.nsPerOp)
		}
		t = append(t, r)
	}
	return t
}

// nsPerOp writes a benchmark's time per operation.
func nsPerOp(ns float64) string {
	switch {
	case ns >= 1e6:
		return fmt.Sprintf("%.2f ms/op", ns/1e6)
	case ns >= 1000:
		return fmt.Sprintf("%.2f µs/op", ns/1000)
	}
	return fmt.Sprintf("%.0f ns/op", ns)
}

// errNotMeasured marks the figures of a peer that was skipped.
var errNotMeasured = errors.New("not measured")
