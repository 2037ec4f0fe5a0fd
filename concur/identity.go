package concur

import (
	"bytes"
	"context"
	"runtime"
	"runtime/pprof"
	"sync"
	"unsafe"
)

// A goroutine knows which Thread it is by its profiler label set: every Thread sets a label
// set of its own, and the runtime hands back the pointer of the current goroutine's set in a
// few nanoseconds. Go offers no other cheap goroutine identity, and tracing needs one on
// every event. Goroutines that a thread starts with a plain go statement inherit its labels
// and so count as part of that thread; where it matters (letting go of the GIL), the
// goroutine's number tells them apart.

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
	t.goroutine = goroutineID()
	threadsByLabel.Store(t.label, t)
}

// isOwnGoroutine reports whether the caller is t's own goroutine, not one that t started
// with a plain go statement (which shares t's labels).
func (t *Thread) isOwnGoroutine() bool { return t.goroutine == goroutineID() }

// goroutineID returns the current goroutine's number, read from the first line of its stack
// trace ("goroutine 7 [running]:"). It costs about a microsecond, so it is used only where a
// thread lets go of its GIL.
func goroutineID() uint64 {
	var buf [32]byte
	n := runtime.Stack(buf[:], false)
	var id uint64
	for _, c := range bytes.TrimPrefix(buf[:n], []byte("goroutine ")) {
		if c < '0' || c > '9' {
			break
		}
		id = id*10 + uint64(c-'0')
	}
	return id
}

// unbind forgets the current goroutine's identity as t.
func (t *Thread) unbind() {
	threadsByLabel.Delete(t.label)
	pprof.SetGoroutineLabels(context.Background())
}

// Current returns the thread that calls it: a Thread started by Go, GoNamed or a GIL, a pool
// worker, or MainThread for the cell's own flow (and any goroutine concur did not start). A
// goroutine started with a plain go statement inside a thread is that thread too: it has the
// thread's name in traces, though it never holds the thread's GIL. (Python's
// threading.current_thread has no counterpart in Go, where goroutines are anonymous: concur
// finds its thread by the goroutine's profiler labels.)
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
