package eval

import (
	"context"
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/concurlab/concurlab/concur"
	"github.com/concurlab/concurlab/kernel/engine"
)

// deadlockTick is how often the deadlock check looks at the goroutines.
const deadlockTick = 100 * time.Millisecond

// clockHintAfter is how long every goroutine waits, with a ticker or timer of the session
// that the check cannot see through, before the cell is told that it may be deadlocked.
const clockHintAfter = 3 * time.Second

// clockHint is what the cell is told then.
const clockHint = "Every goroutine of the cell has been blocked for %v. A ticker or timer that this session made " +
	"(time.NewTicker, time.NewTimer, time.Tick, time.AfterFunc: its Stop cannot be seen from here) may still wake them, " +
	"so this is not called a deadlock. If nothing should wake them, it is one: interrupt the kernel to stop the cell; " +
	"declarations and values of earlier cells are kept.\n"

// deadlock is the diagnosis of a cell whose flow and goroutines all wait on each other.
type deadlock struct{ waits []goroutineWait }

func (d *deadlock) Error() string { return "all goroutines are asleep - deadlock!" }

// goroutineWait is one blocked goroutine.
type goroutineWait struct {
	id     int64
	state  string // what it waits on, as the runtime says: "chan receive", "sync.WaitGroup.Wait", …
	main   bool   // the cell's own flow
	origin *goOrigin
}

// report lists the blocked goroutines for the user.
func (d *deadlock) report() *engine.Error {
	lines := []string{"  Every goroutine of the cell is blocked, and no timer is pending:"}
	for _, w := range d.waits {
		who := "a goroutine started outside the cell's go statements"
		switch {
		case w.main:
			who = "the cell itself"
		case w.origin != nil:
			who = fmt.Sprintf("the goroutine started at In[%d] line %d", w.origin.cell, w.origin.line)
		}
		lines = append(lines, fmt.Sprintf("  goroutine %d [%s]: %s", w.id, w.state, who))
	}
	lines = append(lines, "  They were stopped; declarations and values of earlier cells are kept.")
	return newError("Deadlock", d.Error(), lines...)
}

// watchDeadlock cancels ctx with a *deadlock once every goroutine running interpreted code
// has been blocked for DeadlockAfter. The returned func ends the watch.
func (s *Session) watchDeadlock(ctx context.Context, cancel context.CancelCauseFunc) (stop func()) {
	if s.opts.DeadlockAfter < 0 {
		return func() {}
	}
	done := make(chan struct{})
	go func() {
		tick := time.NewTicker(deadlockTick)
		defer tick.Stop()
		var since, clockSince time.Time
		hinted := false
		cpu := processCPU()
		for {
			select {
			case <-done:
				return
			case <-ctx.Done():
				return
			case now := <-tick.C:
				// A process that burns CPU is running, not deadlocked; and reading every stack
				// of it (a deep recursion holds hundreds of thousands of frames) is costly. A
				// busy tick is skipped, but it does not end a wait that checks saw; and the CPU
				// that a check itself spends reading stacks is not counted against the next.
				if processCPU()-cpu > deadlockTick/10 {
					cpu = processCPU()
					continue
				}
				d, clocks := s.blocked()
				cpu = processCPU()
				switch {
				case clocks && clockSince.IsZero():
					clockSince = now
				case clocks && !hinted && now.Sub(clockSince) >= clockHintAfter:
					s.ro.deliver("stderr", fmt.Sprintf(clockHint, clockHintAfter))
					hinted = true
				case !clocks:
					clockSince = time.Time{}
				}
				switch {
				case d == nil:
					since = time.Time{}
				case since.IsZero():
					since = now
				case now.Sub(since) >= s.opts.DeadlockAfter:
					cancel(d)
					return
				}
			}
		}
	}()
	return func() { close(done) }
}

// blocked returns the diagnosis when every goroutine that runs interpreted or concur code
// waits on a channel, lock or wait group and no sleep or timer is pending (the cells' own, and
// concur's timed waits, which concur counts); otherwise nil. clocks reports that all would be
// so, but for a ticker or timer whose Stop the check cannot see.
func (s *Session) blocked() (d *deadlock, clocks bool) {
	if s.rt.pendingTimers().Load() > 0 || concur.TimedWaits() > 0 {
		return nil, false
	}
	d = s.waits()
	if d != nil && s.rt.clockUsed.Load() {
		return nil, true
	}
	return d, false
}

// waits returns the diagnosis when every goroutine that runs interpreted or concur code waits
// on a channel, lock or wait group; otherwise nil.
func (s *Session) waits() *deadlock {
	origins := s.rt.origins()
	d := &deadlock{}
	for _, g := range strings.Split(allStacks(), "\n\n") {
		if !strings.Contains(g, "github.com/traefik/yaegi/interp.") && !strings.Contains(g, modulePrefix+"concur.") {
			continue
		}
		if strings.Contains(g, "(*Interpreter).EvalWithContext(") {
			continue // the caller waiting for Eval, not interpreted code
		}
		id, state := goroutineHeader(g)
		if !isBlockedState(state) || !waitsOnPeer(g) {
			return nil
		}
		w := goroutineWait{id: id, state: interpretedWait(g, state), main: strings.Contains(g, "(*Interpreter).Eval(")}
		if o, ok := origins[id]; ok {
			w.origin = &o
		}
		d.waits = append(d.waits, w)
	}
	if len(d.waits) == 0 {
		return nil
	}
	return d
}

// processCPU returns the CPU time this process has used.
func processCPU() time.Duration {
	var u syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &u) != nil {
		return 0
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}

// allStacks returns runtime.Stack of all goroutines.
func allStacks() string {
	buf := make([]byte, 1<<16)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			return string(buf[:n])
		}
		buf = make([]byte, 2*len(buf))
	}
}

// goroutineHeader reads "goroutine 12 [chan receive, 2 minutes]:".
func goroutineHeader(g string) (int64, string) {
	head, _, _ := strings.Cut(g, "\n")
	head = strings.TrimPrefix(head, "goroutine ")
	num, rest, _ := strings.Cut(head, " [")
	id, _ := strconv.ParseInt(num, 10, 64)
	state, _, _ := strings.Cut(rest, "]")
	state, _, _ = strings.Cut(state, ",")
	return id, state
}

// isBlockedState reports a state in which a goroutine waits for another goroutine.
func isBlockedState(state string) bool {
	return strings.HasPrefix(state, "chan ") || strings.HasPrefix(state, "select") ||
		strings.HasPrefix(state, "sync.") || strings.HasPrefix(state, "semacquire")
}

// peerWaits are the packages whose blocking means waiting for another goroutine of the
// session: the interpreter's channel operations, sync, and concur's blocking calls. A
// goroutine blocked elsewhere (net/http waiting for a response) waits for the world.
var peerWaits = []string{"github.com/traefik/yaegi/interp.", "sync.", modulePrefix + "concur."}

// waitsOnPeer reports whether the innermost frame of g outside the runtime and reflect (through
// which yaegi selects and calls compiled code) is in peerWaits.
func waitsOnPeer(g string) bool {
	lines := strings.Split(g, "\n")
	for i := 1; i < len(lines); i += 2 {
		frame := lines[i]
		if strings.HasPrefix(frame, "runtime.") || strings.HasPrefix(frame, "internal/") || strings.HasPrefix(frame, "reflect.") {
			continue
		}
		for _, p := range peerWaits {
			if strings.HasPrefix(frame, p) {
				return true
			}
		}
		return false
	}
	return false
}

// yaegiWaits names the interpreter's functions that implement channel operations with a
// reflect.Select (so that an interrupt can end them): the runtime only says "select".
var yaegiWaits = []struct{ frame, wait string }{
	{"github.com/traefik/yaegi/interp.recv", "chan receive"},
	{"github.com/traefik/yaegi/interp.send", "chan send"},
	{"github.com/traefik/yaegi/interp.rangeChan", "chan receive (range)"},
	{"github.com/traefik/yaegi/interp._select", "select"},
}

// interpretedWait tells what g waits on: the interpreted channel operation behind a
// "select" state, or the runtime's state.
func interpretedWait(g, state string) string {
	if state != "select" {
		return state
	}
	for _, line := range strings.Split(g, "\n") {
		if !strings.HasPrefix(line, "github.com/traefik/yaegi/interp.") {
			continue
		}
		for _, w := range yaegiWaits {
			if strings.HasPrefix(line, w.frame+"(") || strings.HasPrefix(line, w.frame+".") {
				return w.wait
			}
		}
		return state
	}
	return state
}
