package concur

import (
	"fmt"
	"sync/atomic"
	"time"
	"unsafe"
)

// Thread is a named flow of control: a goroutine that concur started to run a func. Like an
// OS thread it has its own program counter and stack (the func's local variables), and it
// shares with the others whatever the cell shares with it. A thread started by a GIL runs
// only while it holds that GIL.
//
// It is not an OS thread, and its name is concur's: goroutines have no names and no ids in
// Go, and the runtime multiplexes them onto a few OS threads (see OSThreads).
type Thread struct {
	name  string
	gil   *GIL
	done  chan struct{}
	err   error
	label unsafe.Pointer
	// goroutine is the number of the goroutine that runs the thread's func.
	goroutine uint64
}

// threadCount numbers the threads that get a default name.
var threadCount atomic.Int64

// nextName returns prefix-N with the next thread number.
func nextName(prefix string) string {
	return prefix + "-" + itoa(threadCount.Add(1))
}

// Go starts f in a new thread named Thread-1, Thread-2, … and returns at once. The thread is
// a goroutine, named by concur (goroutines have no names in Go).
func Go(f func()) *Thread {
	return start(nextName("Thread"), nil, f)
}

// GoNamed starts f in a new thread with the given name and returns at once.
func GoNamed(name string, f func()) *Thread {
	return start(name, nil, f)
}

// start runs f in a new thread that holds gil, if any, while f runs.
func start(name string, gil *GIL, f func()) *Thread {
	t := &Thread{name: name, gil: gil, done: make(chan struct{})}
	go t.run(func() error {
		if gil == nil {
			return call(f)
		}
		if err := gil.acquire(t, interrupted()); err != nil {
			return err
		}
		defer gil.release(t)
		return call(f)
	})
	return t
}

// run binds the goroutine to t, records its start and end, and keeps body's error.
func (t *Thread) run(body func() error) {
	defer close(t.done)
	t.bind()
	defer t.unbind()
	record(t, ThreadStart, "", 0)
	t.err = body()
	record(t, ThreadEnd, "", 0)
}

// call runs f and turns a panic into an error, so that a failing func never brings the
// process down.
func call(f func()) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("panic: %v", v)
		}
	}()
	f()
	return nil
}

// Name returns the thread's name: MainThread, Thread-1, or the name it was given. Go has no
// such name: concur keeps it in the goroutine's profiler labels.
func (t *Thread) Name() string { return t.name }

// String returns the thread's name.
func (t *Thread) String() string { return t.name }

// Alive reports whether the thread has not ended yet: it is true from Go until the thread's
// func returns, including while the thread waits for its GIL, and always true for
// MainThread, which never ends.
func (t *Thread) Alive() bool { return !isClosed(t.done) }

// Join waits until the thread's func has returned. It returns the func's panic as an error,
// ErrInterrupted if the thread could not get its GIL because of Interrupt, or ErrInterrupted
// if Interrupt woke the Join itself. Joining MainThread returns ErrInterrupted at the next
// Interrupt (it never ends by itself).
func (t *Thread) Join() error {
	select {
	case <-t.done:
		return t.err
	default:
	}
	return block("join", t.name, func(stop <-chan struct{}) error {
		select {
		case <-t.done:
			return t.err
		case <-stop:
			return ErrInterrupted
		}
	})
}

// Sleep pauses the calling thread for d, like time.Sleep, but lets go of its GIL meanwhile
// (as a blocking call does in CPython) and returns ErrInterrupted early on Interrupt.
func Sleep(d time.Duration) error {
	timeout, done := timedWait(max(d, 0))
	return block("sleep", "", func(stop <-chan struct{}) error {
		defer done() // before the GIL is taken back: waiting for it is no timed wait
		select {
		case <-timeout:
			return nil
		case <-stop:
			return ErrInterrupted
		}
	})
}
