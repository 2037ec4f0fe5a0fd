package main

import (
	"cmp"
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
	tripCPU    result[treeCPU] // per trip, warm-up cells included
	throughput result[throughput]
	spin       result[interruption]

	// Only for concurlab:
	idle      result[treeUsage]
	stuck     result[interruption]
	crash     result[replacement]
	zombie    result[abandonment]
	fib       result[[2]time.Duration] // interpreted, compiled
	compiled  result[compiledRun]
	realPool  result[realPoolRun]
	notebooks result[notebookRun]
}

// notebookRun is the memory of a kernel after running the shipped notebooks' cells.
type notebookRun struct {
	notebooks, cells, failed int
	memory                   treeUsage
}

// tripTurn is how many round trips one kernel runs before the next kernel takes its turn.
const tripTurn = 25

// session is a kernel under measurement: its cells, its figures, and the session in which
// they are measured (nil when the kernel could not be started).
type session struct {
	spec kernelSpec
	r    *kernelResults
	c    *client.Client
}

// openSession measures spec's starts and opens the session of its other figures.
func openSession(spec kernelSpec, cfg config) *session {
	s := &session{spec: spec, r: &kernelResults{}}
	logf("%s: %d starts", spec.name, cfg.starts)
	starts, err := measureStarts(spec, cfg.starts)
	s.r.starts = measured("starts", starts, err)
	if s.c, err = startKernel(spec); err != nil {
		s.r.roundTrips = measured[[]time.Duration]("session", nil, err)
		s.r.tripCPU = result[treeCPU]{err: err}
		s.r.throughput = result[throughput]{err: err}
		s.r.spin = result[interruption]{err: err}
	}
	return s
}

// measureTrips measures n round trips of each open session, side by side: the sessions take
// turns of tripTurn trips, so that a change in the machine's speed during the run weighs on
// every kernel alike and their ratio holds. It also measures the CPU that each kernel's
// processes spent per trip.
func measureTrips(sessions []*session, n int) {
	var open []*session
	for _, s := range sessions {
		if s.c != nil {
			open = append(open, s)
			logf("%s: %d round trips, in turns of %d", s.spec.name, n, tripTurn)
		}
	}
	trips := make([][]time.Duration, len(open))
	errs := make([]error, len(open))
	before := make([]treeCPU, len(open))
	cpuErrs := make([]error, len(open))
	for i, s := range open {
		before[i], cpuErrs[i] = treeCPUTime(s.c.Pid())
	}
	cells := 0
	for done := 0; done < n; done += tripTurn {
		turn := min(tripTurn, n-done)
		cells += warmUp + turn
		for i, s := range open {
			if errs[i] == nil {
				var t []time.Duration
				t, errs[i] = measureRoundTrips(s.c, s.spec.trivial, turn)
				trips[i] = append(trips[i], t...)
			}
		}
	}
	for i, s := range open {
		s.r.roundTrips = measured("round trips", trips[i], errs[i])
		after, err := treeCPUTime(s.c.Pid())
		if err = cmp.Or(errs[i], cpuErrs[i], err); err != nil {
			s.r.tripCPU = result[treeCPU]{err: err}
			continue
		}
		per := func(a, b time.Duration) time.Duration { return (b - a) / time.Duration(cells) }
		s.r.tripCPU.v = treeCPU{root: per(before[i].root, after.root), total: per(before[i].total, after.total)}
	}
}

// finish measures the throughput and the interrupt in s's session, then whatever more does,
// and closes the session.
func (s *session) finish(cfg config, more func(*client.Client)) {
	if s.c == nil {
		return
	}
	defer s.c.Close()
	logf("%s: %d lines", s.spec.name, cfg.lines)
	t, err := measureThroughput(s.c, s.spec, cfg.lines)
	s.r.throughput = measured("throughput", t, err)
	logf("%s: interrupting a busy loop, %d times", s.spec.name, cfg.interrupts)
	i, err := measureInterrupts(s.c, s.spec, s.spec.spin, cfg.interrupts)
	s.r.spin = measured("interrupt", i, err)
	if more != nil {
		more(s.c)
	}
}

// finishOurs measures the rest of concurlab's figures: those of its session, then the
// memory of a fresh kernel before and after the notebooks.
func (s *session) finishOurs(cfg config, notebookDir string) {
	r, spec := s.r, s.spec
	s.finish(cfg, func(c *client.Client) {
		logf("%s: interrupting a compiled call, %d times", spec.name, cfg.interrupts)
		v, err := measureInterrupts(c, spec, stuckCell, cfg.interrupts)
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
		logf("%s: %%%%compile cells, fib(%d)", spec.name, cfg.compiledFibN)
		run, err := measureCompiled(c, cfg.compiledFibN)
		r.compiled = measured("%%compile", run, err)
		logf("%s: a real process pool", spec.name)
		pool, err := measureRealPool(c, cfg.starts, cfg.roundTrips)
		r.realPool = measured("real process pool", pool, err)
	})
	if s.c == nil {
		return // no session: the notebooks would fail as well
	}
	logf("%s: idle memory after start", spec.name)
	c, err := startKernel(spec)
	if err != nil {
		r.idle = measured("idle memory", treeUsage{}, err)
		return
	}
	defer c.Close()
	idle, err := idleMemory(c, spec)
	r.idle = measured("idle memory", idle, err)
	notebooks, err := runNotebooks(c, notebookDir)
	r.notebooks = measured("notebooks", notebooks, err)
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
	return treeMemory(c.Pid())
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
	run.memory, err = treeMemory(c.Pid())
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
