package concur

import (
	"cmp"
	"sync/atomic"
	"time"
)

// ConvoyRun is the outcome of one run of the convoy experiment (see Convoy).
type ConvoyRun struct {
	Interval  time.Duration // the GIL's switch interval
	Neighbour bool          // whether a CPU-bound thread shared the GIL
	IO        time.Duration // how long each I/O operation waited
	Ops       int           // the I/O operations done
	// ForcedWaits counts the I/O thread's waits for the GIL that timed out after an interval,
	// so that it had to ask the holder to drop it: about one per operation next to a CPU-bound
	// thread, none alone.
	ForcedWaits int
	Elapsed     time.Duration // the I/O thread's time for all its operations
}

// WaitsPerOp returns the forced waits per I/O operation.
func (r ConvoyRun) WaitsPerOp() float64 {
	if r.Ops == 0 {
		return 0
	}
	return float64(r.ForcedWaits) / float64(r.Ops)
}

// Latency returns the I/O thread's time per operation: the I/O itself plus the wait for the
// GIL afterwards.
func (r ConvoyRun) Latency() time.Duration {
	if r.Ops == 0 {
		return 0
	}
	return r.Elapsed / time.Duration(r.Ops)
}

// Convoy runs the experiment behind the convoy effect of the classic GIL talks: under a GIL
// with the given switch interval, an I/O-bound thread ("I/O-bound") does ops operations of
// IOWork(io), alone or, when neighbour is true, next to a CPU-bound thread ("CPU-bound")
// that computes until it is done. Each I/O operation lets go of the GIL; alone, the thread
// gets it straight back. Next to the CPU-bound thread, which takes the GIL meanwhile and
// never blocks, it must wait out a switch interval and ask for it after every operation, so
// each operation costs up to one interval more: at 5 ms, a 1 ms read takes about 6 ms. A
// shorter interval (SetInterval, sys.setswitchinterval) shortens the wait but switches more
// often. It returns ErrInterrupted when Interrupt stopped it.
func Convoy(interval time.Duration, ops int, io time.Duration, neighbour bool) (ConvoyRun, error) {
	g := NewGIL(interval)
	run := ConvoyRun{Interval: g.Interval(), Neighbour: neighbour, IO: io}
	var done atomic.Bool
	var cpu *Thread
	if neighbour {
		cpu = g.GoNamed("CPU-bound", func() {
			for !done.Load() {
				if _, err := CPUWork(1); err != nil {
					return
				}
			}
		})
	}
	var ioErr error
	ioThread := g.GoNamed("I/O-bound", func() {
		me := Current()
		before := g.forcedWaits(me)
		start := time.Now()
		for range ops {
			if ioErr = IOWork(io); ioErr != nil {
				break
			}
			run.Ops++
		}
		run.Elapsed = time.Since(start)
		run.ForcedWaits = g.forcedWaits(me) - before
	})
	err := ioThread.Join()
	done.Store(true)
	if cpu != nil {
		err = cmp.Or(err, cpu.Join())
	}
	return run, cmp.Or(err, ioErr)
}

// forcedWaits returns t's forced waits so far.
func (g *GIL) forcedWaits(t *Thread) int {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.timesOf(t).ForcedWaits
}
