package concur

import (
	"cmp"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// EventKind says what happened in an Event.
type EventKind int

// The kinds of events that concur's primitives record.
const (
	ThreadStart EventKind = iota // a thread began running
	ThreadEnd                    // a thread's func returned
	GILWait                      // a thread started waiting for a GIL
	GILAcquire                   // a thread took a GIL
	GILRelease                   // a thread let a GIL go
	Block                        // a thread blocked (sleep, mailbox, queue, lock, wait); Detail says on what
	Unblock                      // a blocked thread went on
	Send                         // a message was sent or put; Detail names the mailbox or queue
	Receive                      // a message was received or got
	TaskStart                    // a pool task started
	TaskEnd                      // a pool task ended
	QueueDepth                   // a queue's length changed; Value is the new length
)

var eventKindNames = [...]string{"ThreadStart", "ThreadEnd", "GILWait", "GILAcquire", "GILRelease",
	"Block", "Unblock", "Send", "Receive", "TaskStart", "TaskEnd", "QueueDepth"}

// String returns the kind's name, such as "GILAcquire".
func (k EventKind) String() string {
	if k < 0 || int(k) >= len(eventKindNames) {
		return "EventKind(?)"
	}
	return eventKindNames[k]
}

// Event is one thing that happened while a Trace was recording.
type Event struct {
	At     time.Duration // since the trace started
	Thread string        // the thread it happened on
	Kind   EventKind
	Detail string // what it concerned: a GIL, mailbox, queue or lock name, a task index
	Value  int    // a number that goes with the event, such as a queue depth
}

// Trace records the events of every concur primitive while it runs: thread start and end,
// GIL wait, acquire and release, blocking and unblocking, messages, pool tasks, queue depths.
// Its SVG method draws them as a timeline with one lane per thread.
type Trace struct {
	start time.Time
	mu    sync.Mutex
	// chunks hold the events, eventChunk at a time, so that a growing trace never copies
	// what it holds; count is how many there are.
	chunks  [][]rawEvent
	count   int
	strings []string         // thread names and details, interned
	index   map[string]int32 // position of each string in strings
	sorted  bool             // whether events are in time order (spans are added late)
	dropped int              // events not kept because the trace was full
	stopped time.Duration
}

// maxTraceEvents bounds a trace's memory (about 32 MiB) when a recording is left running.
const maxTraceEvents = 1 << 20

// eventChunk is how many events a trace makes room for at a time.
const eventChunk = 4096

// add appends events to t; t.mu is held.
func (t *Trace) add(events ...rawEvent) {
	for _, e := range events {
		if n := len(t.chunks); n == 0 || len(t.chunks[n-1]) == cap(t.chunks[n-1]) {
			t.chunks = append(t.chunks, make([]rawEvent, 0, eventChunk))
		}
		last := len(t.chunks) - 1
		t.chunks[last] = append(t.chunks[last], e)
	}
	t.count += len(events)
}

// Dropped returns the number of events left out because the trace had reached its limit of
// about a million events.
func (t *Trace) Dropped() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.dropped
}

// full reports whether t can take no more events, counting n that it drops; t.mu is held.
func (t *Trace) full(n int) bool {
	if t.count+n > maxTraceEvents {
		t.dropped += n
		return true
	}
	return false
}

// rawEvent is an Event as a trace stores it: without pointers, so that a long trace costs
// the garbage collector nothing to scan.
type rawEvent struct {
	at     time.Duration
	value  int64
	kind   EventKind
	thread int32
	detail int32
}

// intern returns the position of s in t.strings, adding it if new; t.mu is held.
func (t *Trace) intern(s string) int32 {
	i, ok := t.index[s]
	if !ok {
		i = int32(len(t.strings))
		t.strings = append(t.strings, s)
		t.index[s] = i
	}
	return i
}

// activeTrace is the trace that records now, or nil: one atomic load is all that an event
// costs when no trace runs.
var activeTrace atomic.Pointer[Trace]

// StartTrace starts recording the events of every concur primitive in the process, and
// returns the trace. A trace that was already running stops. Recording is cheap, and costs
// nothing when no trace runs.
func StartTrace() *Trace {
	t := &Trace{start: time.Now(), index: map[string]int32{}, sorted: true}
	if old := activeTrace.Swap(t); old != nil {
		old.finish()
	}
	return t
}

// Stop ends the recording. The trace keeps what it recorded.
func (t *Trace) Stop() {
	activeTrace.CompareAndSwap(t, nil)
	t.finish()
}

func (t *Trace) finish() {
	t.mu.Lock()
	if t.stopped == 0 {
		t.stopped = time.Since(t.start)
	}
	t.mu.Unlock()
}

// Len returns the number of events recorded.
func (t *Trace) Len() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.count
}

// Events returns a copy of the recorded events, in the order they happened. Blocks shorter
// than 20 µs are left out: they would not show on a timeline.
func (t *Trace) Events() []Event {
	t.mu.Lock()
	defer t.mu.Unlock()
	if !t.sorted {
		all := slices.Concat(t.chunks...)
		slices.SortStableFunc(all, func(a, b rawEvent) int { return cmp.Compare(a.at, b.at) })
		t.chunks, t.sorted = [][]rawEvent{all}, true
	}
	events := make([]Event, 0, t.count)
	for _, chunk := range t.chunks {
		for _, e := range chunk {
			events = append(events, Event{At: e.at, Thread: t.strings[e.thread], Kind: e.kind,
				Detail: t.strings[e.detail], Value: int(e.value)})
		}
	}
	return events
}

// duration is how long the trace ran (so far).
func (t *Trace) duration() time.Duration {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.stopped != 0 {
		return t.stopped
	}
	return time.Since(t.start)
}

// record adds an event on thread th to the running trace, if any.
func record(th *Thread, kind EventKind, detail string, value int) {
	t := activeTrace.Load()
	if t == nil {
		return
	}
	if th == nil {
		th = Current()
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.full(1) {
		return
	}
	t.add(rawEvent{at: t.clock(), value: int64(value), kind: kind,
		thread: t.intern(th.name), detail: t.intern(detail)})
}

// recordSpan adds two events on thread th to t: begin at from and end at to, both times on
// t's clock.
func (t *Trace) recordSpan(th *Thread, begin, end EventKind, detail string, from, to time.Duration) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.full(2) {
		return
	}
	t.add(
		rawEvent{at: from, kind: begin, thread: t.intern(th.name), detail: t.intern(detail)},
		rawEvent{at: to, kind: end, thread: t.intern(th.name), detail: t.intern(detail)})
	t.sorted = false
}

// clock returns the time since t started. It reads only the monotonic clock, half the cost
// of time.Now, which reads the wall clock too: in a traced mailbox the clock readings were the
// largest part of what tracing cost.
func (t *Trace) clock() time.Duration { return time.Since(t.start) }

// tracing reports whether a trace is recording.
func tracing() bool { return activeTrace.Load() != nil }
