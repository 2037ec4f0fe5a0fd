package concur

import (
	"math"
	"sync"
	"time"
)

// ProcessCosts are what a process pool pays that a thread pool does not: starting its worker
// processes, and sending each task and its result between processes, which copies the
// arguments and results (Python pickles them and writes them through a pipe). The simulated
// process pool spends them as CPU time on the worker, so that they show in measurements and
// traces as they would with real processes.
type ProcessCosts struct {
	StartUp time.Duration // starting one worker process, paid by each worker as the pool starts
	PerTask time.Duration // handing one task to a worker and its result back, apart from copying
	PerKiB  time.Duration // copying one KiB of arguments or results (an int is 8 bytes)
}

// PythonProcessCosts are the costs of Python's ProcessPoolExecutor (CPython 3.11 on Linux,
// start method fork), measured on the project's machine (2 cores, Intel Xeon) by
// `go run ./cmd/bench`, rows "process costs, Python" (docs/benchmarks.md): 3.3–4.4 ms for
// each worker process started (a pool of 4 less a pool of 1, over 3; the pool's own threads
// add 4 ms more to the first), 150–230 µs for a submit-and-result round trip of a small
// task, and 9 µs per KiB to send a list of 131072 ints to a worker and get it back (counting
// 8 bytes an int: 2 MiB copied in 19 ms). With the start method spawn (the default on macOS
// and Windows) a worker costs about 100 ms to start, with forkserver (Linux's default from
// Python 3.14) about 16 ms: set StartUp to see those. These are the costs NewProcessPool pays.
func PythonProcessCosts() ProcessCosts {
	return ProcessCosts{StartUp: 3500 * time.Microsecond, PerTask: 200 * time.Microsecond, PerKiB: 9 * time.Microsecond}
}

// GoProcessCosts are the costs of real processes of a small Go program (the benchmark's own
// binary, 3.5 MB), measured on the same machine by the same command, rows "process costs, Go
// binary": 2–3 ms to fork, exec and wait for it, 5–10 µs for the round trip of a small
// gob-encoded message through the pipes of a child that echoes it, and 2 µs per KiB for a
// large one (1 MiB of ints there and back).
func GoProcessCosts() ProcessCosts {
	return ProcessCosts{StartUp: 2 * time.Millisecond, PerTask: 5 * time.Microsecond, PerKiB: 2 * time.Microsecond}
}

// copying returns the cost of copying n bytes, to the nanosecond below.
func (c ProcessCosts) copying(n int) time.Duration {
	return c.PerKiB * time.Duration(n) / 1024
}

// BreakEven returns the task size (its time when run serially) below which a batch of tasks
// of bytes bytes each (arguments and results together) runs slower on a process pool of the
// given workers, started for the batch, than serially on one thread: the pool takes
// StartUp + tasks·(size + PerTask + copying)/workers, serial code tasks·size. It assumes a
// core for each worker. A pool of one worker is never faster: then it returns the largest
// Duration. Without the start-up (a pool kept for many batches), pass a large number of tasks.
func (c ProcessCosts) BreakEven(workers, tasks, bytes int) time.Duration {
	if workers <= 1 || tasks <= 0 {
		return math.MaxInt64
	}
	w, n := float64(workers), float64(tasks)
	perTask := float64(c.PerTask + c.copying(bytes))
	return time.Duration((float64(c.StartUp)*w/n + perTask) / (w - 1))
}

// ProcessStats are what a process pool has spent of its ProcessCosts so far.
type ProcessStats struct {
	StartUps int           // worker processes started
	Tasks    int           // tasks handed to workers (each item of a Map counts)
	Copied   int64         // bytes of arguments and results copied
	Spent    time.Duration // the costs charged for all that, by the pool's ProcessCosts
}

// processCharges spends a process pool's costs and counts them.
type processCharges struct {
	costs ProcessCosts
	mu    sync.Mutex
	stats ProcessStats
}

// startUp spends the start-up of one worker process; stop ends it early.
func (c *processCharges) startUp(stop <-chan struct{}) {
	c.charge(c.costs.StartUp, stop, func(s *ProcessStats) { s.StartUps++ })
}

// task spends the cost of one task that copied bytes bytes; stop ends it early.
func (c *processCharges) task(bytes int, stop <-chan struct{}) {
	c.charge(c.costs.PerTask+c.costs.copying(bytes), stop, func(s *ProcessStats) {
		s.Tasks++
		s.Copied += int64(bytes)
	})
}

// charge counts with count and spends d.
func (c *processCharges) charge(d time.Duration, stop <-chan struct{}, count func(*ProcessStats)) {
	c.mu.Lock()
	count(&c.stats)
	c.stats.Spent += d
	c.mu.Unlock()
	spin(d, stop)
}

// spin keeps the processor busy for d, as starting a process or pickling does, or until stop
// closes.
func spin(d time.Duration, stop <-chan struct{}) {
	for start := time.Now(); time.Since(start) < d && !isClosed(stop); {
	}
}
