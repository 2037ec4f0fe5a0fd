package concur

import (
	"math/rand/v2"
	"sync"
	"sync/atomic"
	"time"
)

// DefaultSwitchInterval is CPython's switch interval (sys.getswitchinterval()), the GIL's
// default.
const DefaultSwitchInterval = 5 * time.Millisecond

// GIL is a global interpreter lock that works as CPython's has since 3.2: of the threads
// started with its Go method, only the one holding it runs.
//
//   - A thread that wants the GIL while another holds it waits up to the switch interval,
//     counted from its own request. If the GIL has not changed hands by then, the waiter sets
//     a drop request (a forced wait) and goes on waiting.
//   - The holder drops the GIL at its next Checkpoint after a drop request (CPython checks
//     between bytecodes) and queues again behind the others; it never drops it because of
//     how long it has held it, only because somebody asked.
//   - Which waiter gets the GIL is not first-come first-served: CPython leaves it to whichever
//     thread the OS wakes first; here a waiter chosen at random gets it, at the moment it is
//     dropped.
//   - A thread that blocks (Sleep, IOWork, mailbox, queue, lock and future waits, NativeWork)
//     lets go of the GIL and must queue for it again afterwards. Next to a CPU-bound thread
//     that never blocks, an I/O-bound thread therefore waits up to one switch interval after
//     each I/O operation: the convoy effect (see Convoy).
//
// So threads under one GIL never run Go code at the same time, even on many cores.
//
// Model and reality: CPython wakes waiters with a condition variable and the OS picks who runs;
// this model hands the GIL over directly, so a thread that drops it for I/O and comes back at
// once cannot win it back before a waiter, which in CPython it sometimes does. The interval
// timers are Go timers, good to about 50 µs on Linux, like CPython's.
//
// A goroutine that a thread starts with a plain go statement counts as that thread in traces
// (see Current) but does not hold its GIL: it runs alongside the threads, and its blocking
// calls and checkpoints leave the GIL alone. Start such work with the GIL's Go method
// instead, so that it takes turns.
type GIL struct {
	name        string
	interval    atomic.Int64 // nanoseconds
	dropRequest atomic.Bool  // set by a waiter whose wait timed out, read by Checkpoint without the lock

	mu             sync.Mutex
	holder         *Thread
	heldSince      time.Time
	waiters        []*gilWaiter
	switches       int
	forcedSwitches int
	times          map[*Thread]*ThreadTimes
	order          []*Thread
}

// gilWaiter is a thread in the GIL's queue; granted is closed when the GIL is handed to it.
type gilWaiter struct {
	thread  *Thread
	since   time.Time
	granted chan struct{}
}

// ThreadTimes is how long one thread held and waited for a GIL, and how often its wait timed
// out so that it asked the holder to drop the GIL.
type ThreadTimes struct {
	Thread      string
	Held        time.Duration
	Waited      time.Duration
	ForcedWaits int
}

// GILStats are a GIL's statistics: how often it passed from one thread to another, how many of
// those hand-overs a drop request forced, and each thread's times, in the order the threads
// first asked for it.
type GILStats struct {
	Switches       int
	ForcedSwitches int
	Threads        []ThreadTimes
}

// Of returns the times of the thread named name, and false if it never asked for the GIL.
func (s GILStats) Of(name string) (ThreadTimes, bool) {
	for _, t := range s.Threads {
		if t.Thread == name {
			return t, true
		}
	}
	return ThreadTimes{}, false
}

var gilCount atomic.Int64

// NewGIL returns a GIL with the given switch interval; 0 means DefaultSwitchInterval (5 ms).
func NewGIL(interval time.Duration) *GIL {
	g := &GIL{name: "GIL-" + itoa(gilCount.Add(1)), times: map[*Thread]*ThreadTimes{}}
	g.SetInterval(interval)
	return g
}

// Interval returns the switch interval.
func (g *GIL) Interval() time.Duration { return time.Duration(g.interval.Load()) }

// SetInterval sets the switch interval, like Python's sys.setswitchinterval: how long a
// thread waits for the GIL before it asks the holder to drop it. 0 or less means
// DefaultSwitchInterval. Waits already under way use the new interval from their next round.
func (g *GIL) SetInterval(d time.Duration) {
	if d <= 0 {
		d = DefaultSwitchInterval
	}
	g.interval.Store(int64(d))
}

// Go starts f in a new thread (Thread-1, Thread-2, …) that runs only while it holds the GIL.
func (g *GIL) Go(f func()) *Thread { return start(nextName("Thread"), g, f) }

// GoNamed starts f in a new thread with the given name that runs only while it holds the GIL.
func (g *GIL) GoNamed(name string, f func()) *Thread { return start(name, g, f) }

// Checkpoint is where CPU-bound code checks for a drop request, like CPython's eval loop
// between bytecodes: when a waiter has asked for the GIL, the caller hands it over and waits
// its turn. It costs a few nanoseconds when nobody asked. Call it from a thread of this GIL;
// elsewhere, and on a nil GIL, it does nothing.
func (g *GIL) Checkpoint() {
	if g == nil || !g.dropRequest.Load() {
		return
	}
	me := Current()
	if me.gil != g || !me.isOwnGoroutine() {
		return
	}
	if w := g.handOver(me); w != nil {
		_ = g.await(w, interrupted()) // after Interrupt the thread runs on without the GIL, and stops at its next blocking call
	}
}

// Stats returns the GIL's statistics so far.
func (g *GIL) Stats() GILStats {
	g.mu.Lock()
	defer g.mu.Unlock()
	s := GILStats{Switches: g.switches, ForcedSwitches: g.forcedSwitches}
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

// acquire makes t the holder, waiting for it as await does; it gives up with ErrInterrupted
// when stop closes first.
func (g *GIL) acquire(t *Thread, stop <-chan struct{}) error {
	g.mu.Lock()
	g.timesOf(t)
	if g.holder == nil { // the GIL is handed over on release, so nobody waits for a free one
		g.holder, g.heldSince = t, time.Now()
		record(t, GILAcquire, g.name, 0)
		g.mu.Unlock()
		return nil
	}
	w := g.enqueue(t)
	g.mu.Unlock()
	return g.await(w, stop)
}

// enqueue puts t in the queue of waiters; g.mu is held.
func (g *GIL) enqueue(t *Thread) *gilWaiter {
	w := &gilWaiter{thread: t, since: time.Now(), granted: make(chan struct{})}
	g.waiters = append(g.waiters, w)
	record(t, GILWait, g.name, 0)
	return w
}

// await waits until w is granted the GIL. Each time a switch interval passes without the GIL
// changing hands, it sets the drop request and counts a forced wait. It gives up with
// ErrInterrupted when stop closes first.
func (g *GIL) await(w *gilWaiter, stop <-chan struct{}) error {
	g.mu.Lock()
	switches := g.switches
	g.mu.Unlock()
	timer := time.NewTimer(g.Interval())
	defer timer.Stop()
	for {
		select {
		case <-w.granted:
			return nil
		case <-timer.C:
			g.mu.Lock()
			if g.holder != w.thread && g.switches == switches {
				g.dropRequest.Store(true)
				g.timesOf(w.thread).ForcedWaits++
			}
			switches = g.switches
			g.mu.Unlock()
			timer.Reset(g.Interval())
		case <-stop:
			return g.giveUp(w)
		}
	}
}

// giveUp takes w out of the queue after an interrupt, or lets the GIL go if it was granted
// meanwhile, and returns ErrInterrupted.
func (g *GIL) giveUp(w *gilWaiter) error {
	g.mu.Lock()
	if g.holder == w.thread {
		g.mu.Unlock()
		g.release(w.thread)
		return ErrInterrupted
	}
	for i, other := range g.waiters {
		if other == w {
			g.waiters = append(g.waiters[:i], g.waiters[i+1:]...)
			break
		}
	}
	g.mu.Unlock()
	return ErrInterrupted
}

// release lets the GIL go if t holds it, handing it to a waiter if there is one; it reports
// whether t held it. Like acquire, it records its events under g.mu, so a trace never shows
// two holders.
func (g *GIL) release(t *Thread) bool {
	g.mu.Lock()
	if g.holder != t {
		g.mu.Unlock()
		return false
	}
	next := g.drop(t)
	g.mu.Unlock()
	if next != nil {
		close(next.granted)
	}
	return true
}

// handOver is Checkpoint's forced drop: if t holds the GIL and a waiter asked for it, t hands
// it to a waiter and queues again behind the others, in one step (CPython's forced switch
// makes the dropping thread wait until another has taken the GIL). It returns t's place in
// the queue, or nil if t keeps the GIL.
func (g *GIL) handOver(t *Thread) *gilWaiter {
	g.mu.Lock()
	if g.holder != t { // a thread that Interrupt left without the GIL: the request is not for it
		g.mu.Unlock()
		return nil
	}
	if len(g.waiters) == 0 { // the waiter that asked gave up
		g.dropRequest.Store(false)
		g.mu.Unlock()
		return nil
	}
	next := g.drop(t)
	g.forcedSwitches++
	w := g.enqueue(t)
	g.mu.Unlock()
	close(next.granted)
	return w
}

// drop ends t's hold and makes a waiter chosen at random the holder, returning it (nil when
// nobody waits); the caller closes its granted channel after unlocking g.mu, which it holds.
func (g *GIL) drop(t *Thread) *gilWaiter {
	now := time.Now()
	g.timesOf(t).Held += now.Sub(g.heldSince)
	g.holder = nil
	g.dropRequest.Store(false)
	record(t, GILRelease, g.name, 0)
	if len(g.waiters) == 0 {
		return nil
	}
	i := rand.IntN(len(g.waiters))
	next := g.waiters[i]
	g.waiters = append(g.waiters[:i], g.waiters[i+1:]...)
	g.holder, g.heldSince = next.thread, now
	g.timesOf(next.thread).Waited += now.Sub(next.since)
	g.switches++
	record(next.thread, GILAcquire, g.name, 0)
	return next
}
