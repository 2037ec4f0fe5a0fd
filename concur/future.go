package concur

import (
	"errors"
	"fmt"
	"sync"
	"time"
)

// ErrCancelled is the error of a future that was cancelled before it ran.
var ErrCancelled = errors.New("concur: cancelled")

// State is where a Future is in its life.
type State int

// The states of a Future: Pending until a thread picks it up, Running, and then Done (with a
// result), Failed (with an error) or Cancelled (never ran).
const (
	Pending State = iota
	Running
	Done
	Failed
	Cancelled
)

var stateNames = [...]string{"pending", "running", "done", "failed", "cancelled"}

// String returns the state's name, such as "running".
func (s State) String() string {
	if s < 0 || int(s) >= len(stateNames) {
		return "State(?)"
	}
	return stateNames[s]
}

// Future is the result of an asynchronous call, which arrives later: the caller goes on at
// once and learns the outcome by the future's state (State), a notification (Wait, Finished)
// or a callback (OnDone) — the notes' 状态、通知、回调.
type Future struct {
	mu        sync.Mutex
	state     State
	value     any
	err       error
	finished  chan struct{}
	callbacks []func(*Future)
}

// newFuture returns a pending future.
func newFuture() *Future { return &Future{finished: make(chan struct{})} }

// Async calls f asynchronously in a new thread (Thread-N) and returns its future at once.
// A panic in f fails the future.
func Async(f func() (any, error)) *Future {
	fut := newFuture()
	Go(func() { fut.run(f) })
	return fut
}

// run moves the future from pending to running, calls f, and settles the future with its
// outcome; it does nothing if the future was cancelled.
func (f *Future) run(fn func() (any, error)) {
	if !f.begin() {
		return
	}
	var v any
	var err error
	if perr := call(func() { v, err = fn() }); perr != nil {
		err = perr
	}
	if err != nil {
		f.settle(Running, nil, err, Failed)
	} else {
		f.settle(Running, v, nil, Done)
	}
}

// begin moves a pending future to running; it reports false if it was cancelled.
func (f *Future) begin() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.state != Pending {
		return false
	}
	f.state = Running
	return true
}

// settle moves the future from state from to state to, with value v and error err, and
// runs its callbacks; it reports false, and does nothing, when the future was not in state
// from.
func (f *Future) settle(from State, v any, err error, to State) bool {
	f.mu.Lock()
	if f.state != from {
		f.mu.Unlock()
		return false
	}
	f.value, f.err, f.state = v, err, to
	callbacks := f.callbacks
	f.callbacks = nil
	close(f.finished)
	f.mu.Unlock()
	for _, cb := range callbacks {
		f.callback(cb)
	}
	return true
}

// callback runs cb on f, ignoring a panic in it so that a bad callback cannot stop others.
func (f *Future) callback(cb func(*Future)) {
	_ = call(func() { cb(f) })
}

// State returns the future's state now.
func (f *Future) State() State {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.state
}

// Finished returns a channel that is closed when the future is done, failed or cancelled:
// the notification, for use in a select.
func (f *Future) Finished() <-chan struct{} { return f.finished }

// OnDone registers cb to be called with the future when it finishes; at once if it has. A
// panic in cb is ignored.
func (f *Future) OnDone(cb func(*Future)) {
	f.mu.Lock()
	if !isClosed(f.finished) {
		f.callbacks = append(f.callbacks, cb)
		f.mu.Unlock()
		return
	}
	f.mu.Unlock()
	f.callback(cb)
}

// Cancel cancels the future if it has not started running, and reports whether it did.
func (f *Future) Cancel() bool {
	return f.settle(Pending, nil, ErrCancelled, Cancelled)
}

// Wait blocks until the future finishes — the synchronous way to use an asynchronous call —
// and returns its error (nil when done). It returns ErrInterrupted when Interrupt woke it.
func (f *Future) Wait() error {
	_, err := f.result(nil)
	return err
}

// Result waits for the future and returns its value and error.
func (f *Future) Result() (any, error) { return f.result(nil) }

// ResultTimeout is Result that gives up after d with ErrTimeout.
func (f *Future) ResultTimeout(d time.Duration) (any, error) {
	timeout, done := timedWait(max(d, 0))
	defer done()
	return f.result(timeout)
}

// result waits for the future, giving up with ErrTimeout when timeout fires, and returns its
// value and error.
func (f *Future) result(timeout <-chan time.Time) (any, error) {
	if !isClosed(f.finished) {
		err := block("wait for", "future", func(stop <-chan struct{}) error {
			select {
			case <-f.finished:
				return nil
			case <-timeout:
				return ErrTimeout
			case <-stop:
				return ErrInterrupted
			}
		})
		if err != nil {
			return nil, err
		}
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.value, f.err
}

// String describes the future, such as "future (done: 42)".
func (f *Future) String() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	switch f.state {
	case Done:
		return fmt.Sprintf("future (done: %v)", f.value)
	case Failed, Cancelled:
		return fmt.Sprintf("future (%v: %v)", f.state, f.err)
	}
	return "future (" + f.state.String() + ")"
}
