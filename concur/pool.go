package concur

import (
	"errors"
	"sync"
	"sync/atomic"
)

// ErrClosed is returned when using a pool, queue or topic that was closed.
var ErrClosed = errors.New("concur: closed")

// Pool runs tasks on a fixed set of worker threads. Three kinds model the notes' claim that
// thread pools suit I/O-bound work and process pools CPU-bound work:
//
//   - NewThreadPool: the workers share one GIL, like Python's ThreadPoolExecutor. I/O-bound
//     tasks overlap (they let go of the GIL while they wait); CPU-bound tasks take turns and
//     gain nothing.
//   - NewProcessPool: each worker has its own GIL, like the processes of Python's
//     ProcessPoolExecutor, so CPU-bound tasks run in parallel; and workers share no memory
//     with the caller: MapSlices copies arguments in and results out. The "processes" are
//     simulated inside this one process: a func's captured variables are still shared, so
//     pass data as arguments, as you would to a real process.
//   - NewParallelPool: plain goroutines with no GIL at all, as Go and C threads run.
//
// Submit runs one task and returns its future; Map and MapSlices run a batch and return the
// results in the order of the arguments.
type Pool struct {
	name    string
	kind    string
	copies  bool
	tasks   chan func(*Thread)
	workers []*Thread
	gil     *GIL // the shared GIL of a thread pool
	stop    <-chan struct{}

	mu     sync.RWMutex
	closed bool
}

var poolCount = newCounterName("Pool")

// NewThreadPool returns a pool of workers that share one GIL.
func NewThreadPool(workers int) *Pool {
	gil := NewGIL(0)
	return newPool("thread pool", false, workers, func(int) *GIL { return gil }, gil)
}

// NewProcessPool returns a pool of simulated processes: workers with a GIL each and no
// shared memory for arguments and results.
func NewProcessPool(workers int) *Pool {
	return newPool("process pool", true, workers, func(int) *GIL { return NewGIL(0) }, nil)
}

// NewParallelPool returns a pool of workers without any GIL.
func NewParallelPool(workers int) *Pool {
	return newPool("parallel pool", false, workers, func(int) *GIL { return nil }, nil)
}

func newPool(kind string, copies bool, workers int, gilFor func(i int) *GIL, shared *GIL) *Pool {
	workers = max(workers, 1)
	p := &Pool{name: poolCount(), kind: kind, copies: copies, gil: shared,
		tasks: make(chan func(*Thread), 2*workers), stop: interrupted()}
	prefix := p.name + ".Thread"
	if copies {
		prefix = p.name + ".Process"
	}
	for i := range workers {
		t := &Thread{name: prefix + "-" + itoa(int64(i+1)), gil: gilFor(i), done: make(chan struct{})}
		p.workers = append(p.workers, t)
		go t.run(func() error { return p.work(t) })
	}
	return p
}

// work runs tasks on t until the pool is closed or interrupted.
func (p *Pool) work(t *Thread) error {
	for {
		select {
		case task, ok := <-p.tasks:
			if !ok {
				return nil
			}
			task(t)
		case <-p.stop:
			return ErrInterrupted
		}
	}
}

// Workers returns the number of workers.
func (p *Pool) Workers() int { return len(p.workers) }

// String describes the pool, such as "Pool-1 (thread pool, 4 workers)".
func (p *Pool) String() string {
	return p.name + " (" + p.kind + ", " + itoa(int64(len(p.workers))) + " workers)"
}

// GILStats returns the statistics of a thread pool's shared GIL; for other pools it is empty.
func (p *Pool) GILStats() GILStats {
	if p.gil == nil {
		return GILStats{}
	}
	return p.gil.Stats()
}

// Close lets the workers finish the tasks already submitted, stops them, and waits for them.
func (p *Pool) Close() error {
	p.mu.Lock()
	if !p.closed {
		p.closed = true
		close(p.tasks)
	}
	p.mu.Unlock()
	for _, w := range p.workers {
		if err := w.Join(); err != nil && !errors.Is(err, ErrInterrupted) {
			return err
		}
	}
	return nil
}

// enqueue hands task to the workers.
func (p *Pool) enqueue(task func(*Thread)) error {
	p.mu.RLock()
	defer p.mu.RUnlock()
	if p.closed {
		return ErrClosed
	}
	if isInterrupted(p.stop) {
		return ErrInterrupted
	}
	select {
	case p.tasks <- task:
		return nil
	case <-p.stop:
		return ErrInterrupted
	}
}

// holding runs f on worker t while t holds its GIL, if it has one.
func holding(t *Thread, f func()) {
	if t.gil != nil {
		if t.gil.acquire(t) != nil {
			return
		}
		defer t.gil.release(t)
	}
	f()
}

// Submit runs f(arg) on a worker and returns its future at once; the future's value is the
// int that f returns.
func (p *Pool) Submit(f func(int) int, arg int) *Future {
	fut := newFuture()
	err := p.enqueue(func(t *Thread) {
		holding(t, func() {
			fut.run(func() (any, error) {
				record(t, TaskStart, "", arg)
				defer record(t, TaskEnd, "", arg)
				return f(arg), nil
			})
		})
	})
	if err != nil {
		fut.settle(nil, err, Failed)
	}
	return fut
}

// Map calls f on every argument on the pool's workers and returns the results in the
// order of args. It stops at the first panic and returns it as an error, and returns
// ErrInterrupted when Interrupt stopped it.
func (p *Pool) Map(f func(int) int, args []int) ([]int, error) {
	results := make([]int, len(args))
	err := p.batch("Map", len(args), func(i int) { results[i] = f(args[i]) })
	return results, err
}

// MapSlices calls f on every argument on the pool's workers and returns the results in the
// order of args. A process pool copies each argument before f sees it and each result
// before the caller does, so f's changes to its argument never reach the caller, as between
// real processes; thread and parallel pools share the slices.
func (p *Pool) MapSlices(f func([]int) []int, args [][]int) ([][]int, error) {
	results := make([][]int, len(args))
	err := p.batch("MapSlices", len(args), func(i int) {
		results[i] = p.copyOf(f(p.copyOf(args[i])))
	})
	return results, err
}

// copyOf returns a copy of s in a process pool, s itself otherwise.
func (p *Pool) copyOf(s []int) []int {
	if !p.copies || s == nil {
		return s
	}
	return append([]int(nil), s...)
}

// batchJob is a batch of n items that the workers share out.
type batchJob struct {
	n        int
	next     atomic.Int64
	finished atomic.Int64
	failed   atomic.Bool
	err      error
	done     chan struct{}
	doneOnce sync.Once
}

func (j *batchJob) end(err error) {
	j.doneOnce.Do(func() {
		j.err = err
		if err != nil {
			j.failed.Store(true)
		}
		close(j.done)
	})
}

// batch runs item(0) … item(n-1) on the workers, each worker taking the next index, with a
// GIL checkpoint between items. It reports progress when the batch runs long.
func (p *Pool) batch(title string, n int, item func(i int)) error {
	if n == 0 {
		return nil
	}
	job := &batchJob{n: n, done: make(chan struct{})}
	for range p.workers {
		if err := p.enqueue(func(t *Thread) { holding(t, func() { p.runItems(t, job, item) }) }); err != nil {
			return err
		}
	}
	err := waitBatch(job.done, p.stop, p.name+" "+title, n, func() int { return int(job.finished.Load()) })
	if err != nil {
		return err
	}
	return job.err
}

// runItems runs the job's items on worker t until none is left.
func (p *Pool) runItems(t *Thread, job *batchJob, item func(i int)) {
	trace := tracing()
	for !job.failed.Load() && !isInterrupted(p.stop) {
		i := int(job.next.Add(1) - 1)
		if i >= job.n {
			return
		}
		if trace {
			record(t, TaskStart, "", i)
		}
		err := call(func() { item(i) })
		if trace {
			record(t, TaskEnd, "", i)
		}
		if err != nil {
			job.end(err)
			return
		}
		if int(job.finished.Add(1)) == job.n {
			job.end(nil)
		}
		if t.gil != nil {
			t.gil.Checkpoint()
		}
	}
}
