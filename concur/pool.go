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
//     with the caller: MapSlices copies arguments in and results out. Workers pay what real
//     processes cost (ProcessCosts): a start-up each, and per task a hand-over and the copying
//     of its arguments and results by size, so that tasks below a size (BreakEven) run slower
//     on the pool than serially. The "processes" are simulated inside this one process: a
//     func's captured variables are still shared, so pass data as arguments, as you would to
//     a real process.
//   - NewParallelPool: plain goroutines with no GIL at all, as Go and C threads run.
//
// Submit runs one task and returns its future; Map and MapSlices run a batch and return the
// results in the order of the arguments.
type Pool struct {
	name    string
	kind    string
	process *processCharges // a process pool's costs; nil for other pools
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
	return newPool("thread pool", nil, workers, func() *GIL { return gil }, gil)
}

// NewProcessPool returns a pool of simulated processes: workers with a GIL each and no
// shared memory for arguments and results, with the costs of Python's ProcessPoolExecutor
// (PythonProcessCosts).
func NewProcessPool(workers int) *Pool { return NewProcessPoolCosts(workers, PythonProcessCosts()) }

// NewProcessPoolCosts returns a pool of simulated processes, as NewProcessPool does, that
// pays the given costs: ProcessCosts{} for none, GoProcessCosts for those of Go programs.
func NewProcessPoolCosts(workers int, costs ProcessCosts) *Pool {
	return newPool("process pool", &processCharges{costs: costs}, workers, func() *GIL { return NewGIL(0) }, nil)
}

// NewParallelPool returns a pool of workers without any GIL.
func NewParallelPool(workers int) *Pool {
	return newPool("parallel pool", nil, workers, func() *GIL { return nil }, nil)
}

// newPool starts a pool of workers, each with the GIL that newGIL returns; shared is the
// GIL they all share, if any; process, the costs of a process pool.
func newPool(kind string, process *processCharges, workers int, newGIL func() *GIL, shared *GIL) *Pool {
	workers = max(workers, 1)
	p := &Pool{name: poolCount(), kind: kind, process: process, gil: shared,
		tasks: make(chan func(*Thread), 2*workers), stop: interrupted()}
	prefix := p.name + ".Thread"
	if process != nil {
		prefix = p.name + ".Process"
	}
	for i := range workers {
		t := &Thread{name: prefix + "-" + itoa(int64(i+1)), gil: newGIL(), done: make(chan struct{})}
		p.workers = append(p.workers, t)
		go t.run(func() error {
			if process != nil {
				process.startUp(p.stop)
			}
			p.work(t)
			return nil
		})
	}
	return p
}

// ProcessStats returns what a process pool has spent of its costs so far; for other pools it
// is empty.
func (p *Pool) ProcessStats() ProcessStats {
	if p.process == nil {
		return ProcessStats{}
	}
	p.process.mu.Lock()
	defer p.process.mu.Unlock()
	return p.process.stats
}

// charge spends, on a process pool's worker, the cost of a task that copied bytes bytes.
func (p *Pool) charge(bytes int) {
	if p.process != nil {
		p.process.task(bytes, p.stop)
	}
}

// intBytes is the size of an int argument or result.
const intBytes = 8

// work runs tasks on t until the pool is closed or interrupted. An interrupted worker runs
// the tasks left in the queue, which fail at once (holding refuses them), so that no future
// stays pending.
func (p *Pool) work(t *Thread) {
	for {
		select {
		case task, ok := <-p.tasks:
			if !ok {
				return
			}
			task(t)
		case <-p.stop:
			p.drain(t)
			return
		}
	}
}

// drain runs, on t, the tasks left in the queue of an interrupted pool. It runs them after
// taking them all, so that callbacks of the futures they fail may use the pool.
func (p *Pool) drain(t *Thread) {
	for _, task := range p.takeLeft() {
		task(t)
	}
}

// takeLeft empties the task queue and returns what it held. It holds p.mu, so that no task
// is enqueued behind it.
func (p *Pool) takeLeft() []func(*Thread) {
	p.mu.Lock()
	defer p.mu.Unlock()
	var left []func(*Thread)
	for {
		select {
		case task, ok := <-p.tasks:
			if !ok {
				return left
			}
			left = append(left, task)
		default:
			return left
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
// It returns ErrInterrupted when Interrupt woke it.
func (p *Pool) Close() error {
	p.mu.Lock()
	if !p.closed {
		p.closed = true
		close(p.tasks)
	}
	p.mu.Unlock()
	for _, w := range p.workers {
		if err := w.Join(); err != nil {
			return err
		}
	}
	return nil
}

// enqueue hands task to the workers, waiting while the queue is full; the caller lets go of
// its GIL meanwhile, so that a task can enqueue others on its own thread pool.
func (p *Pool) enqueue(task func(*Thread)) error {
	p.mu.RLock()
	defer p.mu.RUnlock()
	if p.closed {
		return ErrClosed
	}
	if isClosed(p.stop) {
		return ErrInterrupted
	}
	select {
	case p.tasks <- task:
		return nil
	default:
	}
	return block("submit to", p.name, func(stop <-chan struct{}) error {
		select {
		case p.tasks <- task:
			return nil
		case <-p.stop:
			return ErrInterrupted
		case <-stop:
			return ErrInterrupted
		}
	})
}

// holding runs f on worker t while t holds its GIL, if it has one. It returns ErrInterrupted,
// without running f, once the pool is interrupted.
func (p *Pool) holding(t *Thread, f func()) error {
	if isClosed(p.stop) {
		return ErrInterrupted
	}
	if t.gil != nil {
		if err := t.gil.acquire(t, p.stop); err != nil {
			return err
		}
		defer t.gil.release(t)
	}
	f()
	return nil
}

// Submit runs f(arg) on a worker and returns its future at once; the future's value is the
// int that f returns. The future fails with ErrClosed after Close and with ErrInterrupted
// when Interrupt stopped the pool before f ran.
func (p *Pool) Submit(f func(int) int, arg int) *Future {
	fut := newFuture()
	err := p.enqueue(func(t *Thread) {
		err := p.holding(t, func() {
			fut.run(func() (any, error) {
				record(t, TaskStart, "", arg)
				defer record(t, TaskEnd, "", arg)
				defer p.charge(2 * intBytes)
				return f(arg), nil
			})
		})
		if err != nil {
			fut.settle(Pending, nil, err, Failed)
		}
	})
	if err != nil {
		fut.settle(Pending, nil, err, Failed)
	}
	return fut
}

// Map calls f on every argument on the pool's workers and returns the results in the
// order of args. It stops at the first panic and returns nil and the panic as an error, and
// nil and ErrInterrupted when Interrupt stopped it.
func (p *Pool) Map(f func(int) int, args []int) ([]int, error) {
	results := make([]int, len(args))
	err := p.batch("Map", len(args), func(i int) int {
		results[i] = f(args[i])
		return 2 * intBytes
	})
	if err != nil {
		return nil, err
	}
	return results, nil
}

// MapSlices calls f on every argument on the pool's workers and returns the results in the
// order of args, or nil and an error as Map does. A process pool copies each argument before
// f sees it and each result before the caller does, so f's changes to its argument never
// reach the caller, as between real processes; thread and parallel pools share the slices.
func (p *Pool) MapSlices(f func([]int) []int, args [][]int) ([][]int, error) {
	results := make([][]int, len(args))
	err := p.batch("MapSlices", len(args), func(i int) int {
		results[i] = p.copyOf(f(p.copyOf(args[i])))
		return intBytes * (len(args[i]) + len(results[i]))
	})
	if err != nil {
		return nil, err
	}
	return results, nil
}

// copyOf returns a copy of s in a process pool, s itself otherwise.
func (p *Pool) copyOf(s []int) []int {
	if p.process == nil || s == nil {
		return s
	}
	return append([]int(nil), s...)
}

// batchJob is a batch of n items that the workers share out; done is closed when all are
// finished or one failed.
type batchJob struct {
	n        int
	next     atomic.Int64
	finished atomic.Int64
	err      error
	done     chan struct{}
	doneOnce sync.Once
}

// end ends the job with err (nil: every item finished).
func (j *batchJob) end(err error) {
	j.doneOnce.Do(func() {
		j.err = err
		close(j.done)
	})
}

// batch runs item(0) … item(n-1) on the workers, each worker taking the next index, with a
// GIL checkpoint between items; item returns the bytes it copied, which a process pool pays
// for. It reports progress when the batch runs long. When it
// returns, the items have all finished, or it returns an error (an item that failed, or
// ErrInterrupted) while items may still be running.
func (p *Pool) batch(title string, n int, item func(i int) int) error {
	if n == 0 {
		return nil
	}
	job := &batchJob{n: n, done: make(chan struct{})}
	for range p.workers {
		err := p.enqueue(func(t *Thread) { _ = p.holding(t, func() { p.runItems(t, job, item) }) })
		if err != nil {
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
func (p *Pool) runItems(t *Thread, job *batchJob, item func(i int) int) {
	trace := tracing()
	for !isClosed(job.done) && !isClosed(p.stop) {
		i := int(job.next.Add(1) - 1)
		if i >= job.n {
			return
		}
		if trace {
			record(t, TaskStart, "", i)
		}
		err := call(func() { p.charge(item(i)) })
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
		t.gil.Checkpoint()
	}
}
