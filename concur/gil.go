package concur

import (
	"sync"
	"sync/atomic"
	"time"
)

// DefaultSwitchInterval is CPython's switch interval (sys.getswitchinterval()), the GIL's
// default.
const DefaultSwitchInterval = 5 * time.Millisecond

// GIL is a global interpreter lock in the manner of CPython's: of the threads started with
// its Go method, only the one holding it runs. A thread lets go of it when it blocks (Sleep,
// IOWork, mailbox, queue, lock and future waits) and takes it back afterwards; a CPU-bound
// thread keeps it until it calls Checkpoint after the switch interval while another thread
// waits, and then hands it to the longest waiter. So threads under one GIL take turns and
// never run Go code at the same time, even on many cores.
//
// A goroutine that a thread starts with a plain go statement counts as that thread in traces
// (see Current) but does not hold its GIL: it runs alongside the threads, and its blocking
// calls and checkpoints leave the GIL alone. Start such work with the GIL's Go method
// instead, so that it takes turns.
type GIL struct {
	name     string
	interval time.Duration
	waiting  atomic.Int32 // len(waiters), read by Checkpoint without the lock

	mu        sync.Mutex
	holder    *Thread
	heldSince time.Time
	waiters   []*gilWaiter
	switches  int
	times     map[*Thread]*ThreadTimes
	order     []*Thread
}

// gilWaiter is a thread in the GIL's queue; granted is closed when the GIL is handed to it.
type gilWaiter struct {
	thread  *Thread
	since   time.Time
	granted chan struct{}
}

// ThreadTimes is how long one thread held and waited for a GIL.
type ThreadTimes struct {
	Thread string
	Held   time.Duration
	Waited time.Duration
}

// GILStats are a GIL's statistics: how often it passed from one thread to another, and each
// thread's times, in the order the threads first asked for it.
type GILStats struct {
	Switches int
	Threads  []ThreadTimes
}

var gilCount atomic.Int64

// NewGIL returns a GIL with the given switch interval; 0 means DefaultSwitchInterval (5 ms).
func NewGIL(interval time.Duration) *GIL {
	if interval <= 0 {
		interval = DefaultSwitchInterval
	}
	return &GIL{
		name:     "GIL-" + itoa(gilCount.Add(1)),
		interval: interval,
		times:    map[*Thread]*ThreadTimes{},
	}
}

// Interval returns the switch interval.
func (g *GIL) Interval() time.Duration { return g.interval }

// Go starts f in a new thread (Thread-1, Thread-2, …) that runs only while it holds the GIL.
func (g *GIL) Go(f func()) *Thread { return start(nextName("Thread"), g, f) }

// GoNamed starts f in a new thread with the given name that runs only while it holds the GIL.
func (g *GIL) GoNamed(name string, f func()) *Thread { return start(name, g, f) }

// Checkpoint is where CPU-bound code offers the GIL to others, like CPython's eval loop
// between bytecodes: when another thread waits and the caller has held the GIL for the
// switch interval, the caller hands it over and waits its turn. It costs a few nanoseconds
// when nobody waits. Call it from a thread of this GIL; elsewhere, and on a nil GIL, it does
// nothing.
func (g *GIL) Checkpoint() {
	if g == nil || g.waiting.Load() == 0 {
		return
	}
	me := Current()
	g.mu.Lock()
	due := g.holder == me && time.Since(g.heldSince) >= g.interval
	g.mu.Unlock()
	if due && me.isOwnGoroutine() && g.release(me) {
		_ = g.acquire(me, interrupted()) // after Interrupt the thread runs on without the GIL, and stops at its next blocking call
	}
}

// Stats returns the GIL's statistics so far.
func (g *GIL) Stats() GILStats {
	g.mu.Lock()
	defer g.mu.Unlock()
	s := GILStats{Switches: g.switches}
	for _, t := range g.order {
		tt := *g.times[t]
		if g.holder == t {
			tt.Held += time.Since(g.heldSince)
		}
		s.Threads = append(s.Threads, tt)
	}
	return s
}

// timesOf returns t's times, adding t to the statistics; g.mu is held.
func (g *GIL) timesOf(t *Thread) *ThreadTimes {
	tt, ok := g.times[t]
	if !ok {
		tt = &ThreadTimes{Thread: t.name}
		g.times[t] = tt
		g.order = append(g.order, t)
	}
	return tt
}

// acquire makes t the holder, waiting in line behind the threads that asked before it; it
// gives up with ErrInterrupted when stop closes first.
func (g *GIL) acquire(t *Thread, stop <-chan struct{}) error {
	g.mu.Lock()
	g.timesOf(t)
	if g.holder == nil && len(g.waiters) == 0 {
		g.holder, g.heldSince = t, time.Now()
		record(t, GILAcquire, g.name, 0)
		g.mu.Unlock()
		return nil
	}
	w := &gilWaiter{thread: t, since: time.Now(), granted: make(chan struct{})}
	g.waiters = append(g.waiters, w)
	g.waiting.Store(int32(len(g.waiters)))
	record(t, GILWait, g.name, 0)
	g.mu.Unlock()
	select {
	case <-w.granted:
		return nil
	case <-stop:
	}
	g.mu.Lock()
	if g.holder == t {
		g.mu.Unlock()
		g.release(t)
		return ErrInterrupted
	}
	for i, other := range g.waiters {
		if other == w {
			g.waiters = append(g.waiters[:i], g.waiters[i+1:]...)
			break
		}
	}
	g.waiting.Store(int32(len(g.waiters)))
	g.mu.Unlock()
	return ErrInterrupted
}

// release hands the GIL to the longest waiter, if t holds it; it reports whether t did.
// Like acquire, it records its events under g.mu, so a trace never shows two holders.
func (g *GIL) release(t *Thread) bool {
	g.mu.Lock()
	if g.holder != t {
		g.mu.Unlock()
		return false
	}
	now := time.Now()
	g.timesOf(t).Held += now.Sub(g.heldSince)
	g.holder = nil
	record(t, GILRelease, g.name, 0)
	var next *gilWaiter
	if len(g.waiters) > 0 {
		next = g.waiters[0]
		g.waiters = g.waiters[1:]
		g.waiting.Store(int32(len(g.waiters)))
		g.holder, g.heldSince = next.thread, now
		g.timesOf(next.thread).Waited += now.Sub(next.since)
		g.switches++
		record(next.thread, GILAcquire, g.name, 0)
	}
	g.mu.Unlock()
	if next != nil {
		close(next.granted)
	}
	return true
}
