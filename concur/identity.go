package concur

import (
	"context"
	"runtime/pprof"
	"sync"
	"unsafe"
)

// A goroutine knows which Thread it is by its profiler label set: every Thread sets a label
// set of its own, and the runtime hands back the pointer of the current goroutine's set in a
// few nanoseconds. Go offers no other cheap goroutine identity, and tracing needs one on
// every event. Goroutines that a thread starts with a plain go statement inherit its labels
// and so count as part of that thread.

//go:linkname profLabel runtime/pprof.runtime_getProfLabel
func profLabel() unsafe.Pointer

// threadsByLabel maps a label set pointer to the Thread that set it.
var threadsByLabel sync.Map

// mainThread stands for every goroutine that is not a concur thread: the cell's own flow.
var mainThread = &Thread{name: "MainThread", done: make(chan struct{})}

// bind makes the current goroutine t.
func (t *Thread) bind() {
	pprof.SetGoroutineLabels(pprof.WithLabels(context.Background(), pprof.Labels("concur.thread", t.name)))
	t.label = profLabel()
	threadsByLabel.Store(t.label, t)
}

// unbind forgets the current goroutine's identity as t.
func (t *Thread) unbind() {
	threadsByLabel.Delete(t.label)
	pprof.SetGoroutineLabels(context.Background())
}

// Current returns the thread that calls it: a Thread started by Go, GoNamed or a GIL, a pool
// worker, or MainThread for the cell's own flow (and any goroutine concur did not start). A
// goroutine started with a plain go statement inside a thread is that thread too: it has the
// thread's name, and under a GIL its blocking calls let go of the thread's GIL.
func Current() *Thread {
	label := profLabel()
	if label == nil {
		return mainThread
	}
	if t, ok := threadsByLabel.Load(label); ok {
		return t.(*Thread)
	}
	return mainThread
}
