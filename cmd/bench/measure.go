package main

import (
	"errors"
	"fmt"
	"sort"
	"time"

	"github.com/concurlab/concurlab/kernel/client"
)

// stuckCell interrupts a worker stuck in a compiled call, which only replacing it stops.
const stuckCell = "import \"sync\"\nvar wg sync.WaitGroup\nwg.Add(1)\nwg.Wait()"

// result is one measured figure, or why it could not be measured.
type result[T any] struct {
	v   T
	err error
}

// measured wraps v and err as a result, reporting err.
func measured[T any](what string, v T, err error) result[T] {
	if err != nil {
		logf("%s: %v", what, err)
	}
	return result[T]{v, err}
}

// kernelResults are the figures of one kernel.
type kernelResults struct {
	starts     result[[]time.Duration]
	roundTrips result[[]time.Duration]
	throughput result[throughput]
	spin       result[interruption]

	// Only for concurlab:
	idle      result[treeUsage]
	stuck     result[interruption]
	crash     result[replacement]
	zombie    result[abandonment]
	fib       result[[2]time.Duration] // interpreted, compiled
	notebooks result[notebookRun]
}

// notebookRun is the memory of a kernel after running the shipped notebooks' cells.
type notebookRun struct {
	notebooks, cells, failed int
	memory                   treeUsage
}

// measureKernel measures the figures that both kernels have.
func measureKernel(spec kernelSpec, cfg config) *kernelResults {
	r := &kernelResults{}
	measureSession(spec, cfg, r, nil)
	return r
}

// measureOurs measures all of concurlab's figures.
func measureOurs(spec kernelSpec, cfg config, notebookDir string) *kernelResults {
	r := &kernelResults{}
	measureSession(spec, cfg, r, func(c *client.Client) {
		logf("%s: interrupting a compiled call", spec.name)
		v, err := measureInterrupt(c, spec, stuckCell)
		r.stuck = measured("interrupting a compiled call", v, err)
		logf("%s: interrupting a compiled busy call", spec.name)
		zombie, err := measureZombie(c)
		r.zombie = measured("interrupting a compiled busy call", zombie, err)
		logf("%s: crashing the worker", spec.name)
		crash, err := measureReplacement(c, spec)
		r.crash = measured("replacing a crashed worker", crash, err)
		logf("%s: fib(%d)", spec.name, cfg.fibN)
		interpreted, compiled, err := measureFib(c, cfg.fibN)
		r.fib = measured("fib", [2]time.Duration{interpreted, compiled}, err)
	})
	if r.roundTrips.err != nil {
		return r // no session: the notebooks would fail as well
	}
	logf("%s: idle memory after start", spec.name)
	c, err := startKernel(spec)
	if err == nil {
		defer c.Close()
		var v treeUsage
		v, err = idleMemory(c, spec)
		r.idle = measured("idle memory", v, err)
		v2, err := runNotebooks(c, notebookDir)
		r.notebooks = measured("notebooks", v2, err)
	} else {
		r.idle = measured("idle memory", treeUsage{}, err)
	}
	return r
}

// measureSession measures the start figure, then, in one session, the round trip, the
// throughput, the interrupt and then whatever more does.
func measureSession(spec kernelSpec, cfg config, r *kernelResults, more func(*client.Client)) {
	logf("%s: %d starts", spec.name, cfg.starts)
	starts, err := measureStarts(spec, cfg.starts)
	r.starts = measured("starts", starts, err)
	c, err := startKernel(spec)
	if err != nil {
		r.roundTrips = measured[[]time.Duration]("session", nil, err)
		r.throughput = result[throughput]{err: err}
		r.spin = result[interruption]{err: err}
		return
	}
	defer c.Close()
	logf("%s: %d round trips", spec.name, cfg.roundTrips)
	trips, err := measureRoundTrips(c, spec.trivial, cfg.roundTrips)
	r.roundTrips = measured("round trips", trips, err)
	logf("%s: %d lines", spec.name, cfg.lines)
	t, err := measureThroughput(c, spec, cfg.lines)
	r.throughput = measured("throughput", t, err)
	logf("%s: interrupting a busy loop", spec.name)
	i, err := measureInterrupt(c, spec, spec.spin)
	r.spin = measured("interrupt", i, err)
	if more != nil {
		more(c)
	}
}

// idleWait is how long the kernel is left without requests before its memory is read: idle
// as a kernel is between a person's cells, long enough for the worker to release what its
// cells freed.
const idleWait = time.Second

// idleMemory returns the RSS of the kernel and its worker once a first cell has run and
// the kernel has been idle for idleWait.
func idleMemory(c *client.Client, spec kernelSpec) (treeUsage, error) {
	if _, err := mustSucceed(c, spec.trivial); err != nil {
		return treeUsage{}, err
	}
	time.Sleep(idleWait)
	pid, err := kernelPid()
	if err != nil {
		return treeUsage{}, err
	}
	return treeMemory(pid)
}

// errNoNotebooks marks a run without notebooks to measure.
var errNoNotebooks = errors.New("no notebooks")

// runNotebooks runs the cells of the notebooks in dir, in file name order, and returns the
// kernel's memory afterwards.
func runNotebooks(c *client.Client, dir string) (notebookRun, error) {
	notebooks, err := shippedNotebooks(dir)
	if err != nil {
		return notebookRun{}, err
	}
	if len(notebooks) == 0 {
		return notebookRun{}, fmt.Errorf("%w in %s", errNoNotebooks, dir)
	}
	names := make([]string, 0, len(notebooks))
	for name := range notebooks {
		names = append(names, name)
	}
	sort.Strings(names)
	run := notebookRun{notebooks: len(names)}
	for _, name := range names {
		logf("concurlab: notebook %s (%d cells)", name, len(notebooks[name]))
		for _, cell := range notebooks[name] {
			r, err := runCell(c, cell)
			if err != nil {
				return run, fmt.Errorf("%s: %w", name, err)
			}
			run.cells++
			if r.status != "ok" {
				run.failed++
			}
		}
	}
	time.Sleep(idleWait)
	pid, err := kernelPid()
	if err != nil {
		return run, err
	}
	run.memory, err = treeMemory(pid)
	return run, err
}

// runCell runs a notebook cell as a notebook does but without stopping the queue on error.
func runCell(c *client.Client, code string) (cellResult, error) {
	req := executeRequest(code)
	req.StopOnError = false
	reply, msgs, err := c.ExecuteRequest(req)
	if err != nil {
		return cellResult{}, err
	}
	return collect(reply, msgs), nil
}
