package eval

import (
	"bytes"
	"context"
	"fmt"
	"maps"
	"reflect"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/traefik/yaegi/interp"
)

// hostRuntime is the compiled side of the rewrites: the package "concurlab/rt" that rewritten
// cells import as __rt, and the replacements of blocking and exiting standard functions.
type hostRuntime struct {
	ro      *cellStdio
	fprints map[string]reflect.Value // fmt's Fprint functions, replaced (stdio.go)

	mu         sync.Mutex
	running    bool                          // a cell is running
	values     []shownValue                  // results of the running cell
	crash      *goCrash                      // the goroutine panic that ended the running cell
	cancel     context.CancelCauseFunc       // ends the running cell with a cause
	halting    chan struct{}                 // closed when Session.halt's chunk runs
	goroutines map[int64]goOrigin            // rewritten goroutines alive, by goroutine id
	stop       chan struct{}                 // closed when the running cell is interrupted
	types      map[reflect.Type]string       // the session's named types, by the reflect type yaegi built
	methods    map[reflect.Type]*cellMethods // the session's struct types' methods, by reflect type
	named      map[string]*cellMethods       // the session's types' methods, by Go name
	registered map[string]string             // the registration of each type's methods, by name
	fields     map[string][]string           // the Go types of the session's struct types' fields, by Go name

	epoch     atomic.Int64  // interrupts so far: a chunk of an earlier epoch must not run
	timers    *atomic.Int64 // sleeps and timers pending in the interpreter since the last rearm
	clockUsed atomic.Bool   // a timer or ticker exists that the deadlock check cannot see
}

// goOrigin is the go statement that started a goroutine.
type goOrigin struct{ cell, line int }

// shownValue is one value of a cell's result, with what its methods rendered.
type shownValue struct {
	value               any
	bundle              map[string]any
	html, svg, md, text string
	hasText             bool
}

func newHostRuntime(ro *cellStdio) *hostRuntime {
	return &hostRuntime{ro: ro, fprints: newFprints(ro), goroutines: map[int64]goOrigin{}, stop: make(chan struct{}),
		types: map[reflect.Type]string{}, methods: map[reflect.Type]*cellMethods{}, named: map[string]*cellMethods{},
		registered: map[string]string{}, fields: map[string][]string{}, timers: new(atomic.Int64)}
}

// programExit is the panic value of os.Exit and log.Fatal in a cell: the program that the
// cell runs ends there, the kernel does not.
type programExit struct{ code int }

// rtPath is the import path of the host package of the rewrites.
const rtPath = "concurlab/rt"

// exports returns the symbol tables of "concurlab/rt" and of the replaced standard functions.
func (h *hostRuntime) exports() interp.Exports {
	p := newGoPrinter(h)
	return interp.Exports{
		rtPath + "/rt": {
			"Value":     reflect.ValueOf(h.value),
			"GoStart":   reflect.ValueOf(h.goStart),
			"GoEnd":     reflect.ValueOf(h.goEnd),
			"Alive":     reflect.ValueOf(h.alive),
			"TypeName":  reflect.ValueOf(h.typeName),
			"Methods":   reflect.ValueOf(h.registerMethods),
			"Fields":    reflect.ValueOf(h.registerFields),
			"Recovered": reflect.ValueOf(recovered),
			"CellError": reflect.ValueOf(h.cellError),
			"Halt":      reflect.ValueOf(h.halt),
			"Select":    reflect.ValueOf(h.choose),
			"Recv":      reflect.ValueOf(recvCase),
			"Send":      reflect.ValueOf(sendCase),
			"Default":   reflect.ValueOf(defaultCase),
			"Into":      reflect.ValueOf(receiveInto),
		},
		"os/os": {
			"Exit":   reflect.ValueOf(h.exit),
			"Stdout": reflect.ValueOf(&h.ro.stdout.w).Elem(),
			"Stderr": reflect.ValueOf(&h.ro.stderr.w).Elem(),
		},
		"log/log": {
			"Fatal":   reflect.ValueOf(func(v ...any) { h.fatal(p.sprint(v, false)) }),
			"Fatalf":  reflect.ValueOf(func(f string, v ...any) { h.fatal(p.sprintf(f, v)) }),
			"Fatalln": reflect.ValueOf(func(v ...any) { h.fatal(p.sprint(v, true)) }),
		},
		"errors/errors": {
			"Is":     reflect.ValueOf(h.errorsIs),
			"As":     reflect.ValueOf(h.errorsAs),
			"Unwrap": reflect.ValueOf(h.errorsUnwrap),
		},
		"context/context": {
			"WithTimeout": reflect.ValueOf(func(parent context.Context, d time.Duration) (context.Context, context.CancelFunc) {
				return h.timed(context.WithTimeout(parent, d))
			}),
			"WithDeadline": reflect.ValueOf(func(parent context.Context, t time.Time) (context.Context, context.CancelFunc) {
				return h.timed(context.WithDeadline(parent, t))
			}),
		},
		"time/time": {
			"Sleep":     reflect.ValueOf(h.sleep),
			"After":     reflect.ValueOf(h.after),
			"Tick":      reflect.ValueOf(func(d time.Duration) <-chan time.Time { h.clockUsed.Store(true); return time.Tick(d) }),
			"NewTimer":  reflect.ValueOf(func(d time.Duration) *time.Timer { h.clockUsed.Store(true); return time.NewTimer(d) }),
			"NewTicker": reflect.ValueOf(func(d time.Duration) *time.Ticker { h.clockUsed.Store(true); return time.NewTicker(d) }),
			"AfterFunc": reflect.ValueOf(func(d time.Duration, f func()) *time.Timer {
				h.clockUsed.Store(true)
				return time.AfterFunc(d, f)
			}),
		},
	}
}

// fatal is log.Fatal: the message is logged as Go would, then the exit is refused.
func (h *hostRuntime) fatal(msg string) {
	if len(msg) == 0 || msg[len(msg)-1] != '\n' {
		msg += "\n"
	}
	fmt.Fprint(h.ro.writer(h.ro.stderr), time.Now().Format("2006/01/02 15:04:05 ")+msg)
	h.exit(1)
}

// exit is os.Exit in a cell: the cell's program ends with status code, and nothing it
// prints afterwards (its deferred calls, its goroutines) is shown.
func (h *hostRuntime) exit(code int) {
	h.ro.exit()
	panic(programExit{code})
}

// begin starts a cell: results and goroutine panics from now on belong to it, and cancel
// ends it when a goroutine panics.
func (h *hostRuntime) begin(cancel context.CancelCauseFunc) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.running, h.values, h.crash, h.cancel = true, nil, nil, cancel
}

// end finishes the cell and returns the goroutine panic that ended it, if any.
func (h *hostRuntime) end() *goCrash {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.running, h.cancel = false, nil
	return h.crash
}

// takeValues returns and forgets the result values received so far.
func (h *hostRuntime) takeValues() []shownValue {
	h.mu.Lock()
	defer h.mu.Unlock()
	values := h.values
	h.values = nil
	return values
}

// interrupt wakes every sleep of the interpreter for good, and ends the epoch.
func (h *hostRuntime) interrupt() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.epoch.Add(1)
	select {
	case <-h.stop:
	default:
		close(h.stop)
	}
}

// awaitHalt returns the channel that __rt.Halt closes next.
func (h *hostRuntime) awaitHalt() <-chan struct{} {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.halting = make(chan struct{})
	return h.halting
}

// halt is __rt.Halt, which the chunk of Session.halt calls once yaegi has compiled it.
func (h *hostRuntime) halt() {
	h.mu.Lock()
	defer h.mu.Unlock()
	select {
	case <-h.halting: // a chunk of an earlier halt that came late
	default:
		close(h.halting)
	}
}

// rearm prepares a fresh interpreter: its sleeps are interruptible again, and the timers of
// the old one no longer count as pending (a time.After of an hour would otherwise keep the
// deadlock check off for that hour).
func (h *hostRuntime) rearm() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.stop = make(chan struct{})
	h.timers = new(atomic.Int64)
	h.goroutines = map[int64]goOrigin{}
	h.clockUsed.Store(false)
}

// guard returns the statement that starts a statement chunk: it stops the chunk when an
// interrupt came between its evaluation and its run. A cancelled evaluation returns while
// yaegi still compiles the chunk, and yaegi then runs all of it (its stop reaches only
// frames that were running), after the cell ended.
func (h *hostRuntime) guard() string {
	return fmt.Sprintf("__rt.Alive(%d);", h.epoch.Load())
}

// alive is __rt.Alive: it panics when the epoch of a chunk has ended.
func (h *hostRuntime) alive(epoch int64) {
	if epoch != h.epoch.Load() {
		panic("the program ended before this chunk ran")
	}
}

func (h *hostRuntime) stopped() <-chan struct{} {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.stop
}

// value receives one value of the cell's result from the interpreted __cl_show. The value's
// compiled methods run before the lock is taken: they may block, or call back into the cell.
func (h *hostRuntime) value(v any, bundle map[string]any, html, svg, md, text string, hasText bool) {
	shown := withCompiledMethods(shownValue{unwrap(v), bundle, html, svg, md, text, hasText})
	h.mu.Lock()
	defer h.mu.Unlock()
	h.values = append(h.values, shown)
}

// goStart records the goroutine a rewritten go statement started.
func (h *hostRuntime) goStart(cell, line int) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.goroutines[goroutineID()] = goOrigin{cell, line}
}

// goEnd ends a rewritten goroutine; recovered is what its deferred recover returned. A
// panic (or os.Exit) while a cell runs ends the cell as it ends a Go program: what the cell
// prints from then on is not shown, and the cell's evaluation is cancelled with the panic as
// its cause. A panic while no cell runs is shown at the next cell. Once the program ended
// (an interrupt, os.Exit, an earlier goroutine panic), its goroutines' panics are not shown.
func (h *hostRuntime) goEnd(cell, line int, recovered any) {
	h.mu.Lock()
	delete(h.goroutines, goroutineID())
	h.mu.Unlock()
	if recovered == nil {
		return
	}
	select {
	case <-h.stopped():
		return
	default:
	}
	c := &goCrash{cell: cell, line: line, value: recovered, trace: h.ro.takeTrace()}
	h.mu.Lock()
	running, first := h.running, h.running && h.crash == nil
	if first {
		h.crash = c
	}
	cancel := h.cancel
	h.mu.Unlock()
	switch {
	case first:
		h.ro.exit()
		h.interrupt() // the program's sleeps end now, while nothing it prints is shown
		cancel(c)
	case !running:
		if e := c.alone(); e != nil {
			h.ro.deliver("stderr", formatError(e))
		}
	}
}

// origins returns the go statement of each rewritten goroutine alive.
func (h *hostRuntime) origins() map[int64]goOrigin {
	h.mu.Lock()
	defer h.mu.Unlock()
	out := make(map[int64]goOrigin, len(h.goroutines))
	for id, o := range h.goroutines {
		out[id] = o
	}
	return out
}

// pendingTimers returns the counter of the timers pending in the interpreter.
func (h *hostRuntime) pendingTimers() *atomic.Int64 {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.timers
}

// sleep is time.Sleep that an interrupt ends.
func (h *hostRuntime) sleep(d time.Duration) {
	timers := h.pendingTimers()
	timers.Add(1)
	defer timers.Add(-1)
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
	case <-h.stopped():
	}
}

// after is time.After whose pending timer the deadlock check counts.
func (h *hostRuntime) after(d time.Duration) <-chan time.Time {
	timers := h.pendingTimers()
	timers.Add(1)
	ch := make(chan time.Time, 1)
	time.AfterFunc(d, func() {
		timers.Add(-1)
		ch <- time.Now()
	})
	return ch
}

// typeName records the type that ptr points to as the session's type name. yaegi builds a
// struct type of its own for each struct type, but gives values of any other named type the
// reflect type of its underlying type (Celsius is float64).
func (h *hostRuntime) typeName(name string, ptr any) {
	t := reflect.TypeOf(unwrap(ptr))
	if t == nil || t.Kind() != reflect.Pointer {
		return
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	h.types[t.Elem()] = name
}

// sessionTypes returns the recorded types.
func (h *hostRuntime) sessionTypes() map[reflect.Type]string {
	h.mu.Lock()
	defer h.mu.Unlock()
	return maps.Clone(h.types)
}

// forgetTypes forgets the recorded types, before a rebuild records them afresh.
func (h *hostRuntime) forgetTypes() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.types = map[reflect.Type]string{}
	h.methods, h.named, h.registered = map[reflect.Type]*cellMethods{}, map[string]*cellMethods{}, map[string]string{}
	h.fields = map[string][]string{}
}

// timed counts the deadline of ctx as a pending timer until ctx is done.
func (h *hostRuntime) timed(ctx context.Context, cancel context.CancelFunc) (context.Context, context.CancelFunc) {
	timers := h.pendingTimers()
	timers.Add(1)
	context.AfterFunc(ctx, func() { timers.Add(-1) })
	return ctx, cancel
}

// goroutineID returns the id of the calling goroutine, as runtime.Stack prints it.
func goroutineID() int64 {
	var buf [64]byte
	b := buf[:runtime.Stack(buf[:], false)]
	b = bytes.TrimPrefix(b, []byte("goroutine "))
	if i := bytes.IndexByte(b, ' '); i > 0 {
		b = b[:i]
	}
	id, _ := strconv.ParseInt(string(b), 10, 64)
	return id
}
