package eval

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/concurlab/concurlab/kernel/engine"
	"github.com/concurlab/concurlab/kernel/engine/enginetest"
)

// cellRun is what one Execute produced.
type cellRun struct {
	reply engine.ExecuteReply
	out   *enginetest.Recorder
}

// result returns the text/plain of the cell's result, or "".
func (c cellRun) result() string {
	if c.reply.Result == nil {
		return ""
	}
	s, _ := c.reply.Result.Data["text/plain"].(string)
	return s
}

// errorText returns the cell's error as one string, or "".
func (c cellRun) errorText() string {
	if c.reply.Error == nil {
		return ""
	}
	return c.reply.Error.Name + ": " + c.reply.Error.Value + "\n" + strings.Join(c.reply.Error.Traceback, "\n")
}

// harness runs cells in one session with increasing execution counts.
type harness struct {
	t     *testing.T
	s     *Session
	count int
}

// mustNew starts a session, failing the test when it cannot.
func mustNew(tb testing.TB, opts Options) *Session {
	tb.Helper()
	s, err := New(opts)
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

func newHarness(t *testing.T, opts Options) *harness {
	t.Helper()
	s := mustNew(t, opts)
	t.Cleanup(func() { s.Shutdown(false) })
	return &harness{t: t, s: s}
}

// exec runs code as the next cell.
func (h *harness) exec(code string) cellRun {
	h.t.Helper()
	return h.execContext(context.Background(), code)
}

func (h *harness) execContext(ctx context.Context, code string, inputs ...string) cellRun {
	h.t.Helper()
	h.count++
	out := &enginetest.Recorder{Answers: inputs}
	reply := h.s.Execute(ctx, engine.ExecuteRequest{Code: code, ExecutionCount: h.count}, out)
	return cellRun{reply: reply, out: out}
}

// mustExec runs code and fails the test if the cell failed.
func (h *harness) mustExec(code string) cellRun {
	h.t.Helper()
	r := h.exec(code)
	if r.reply.Error != nil {
		h.t.Fatalf("cell %q failed:\n%s", code, r.errorText())
	}
	return r
}

// interruptAfter runs code and cancels it after d; it returns the run and how long Execute
// took after the cancel (0 when the cell ended first).
func (h *harness) interruptAfter(code string, d time.Duration) (cellRun, time.Duration) {
	h.t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	cancelled := make(chan time.Time, 1)
	timer := time.AfterFunc(d, func() { cancelled <- time.Now(); cancel() })
	defer timer.Stop()
	r := h.execContext(ctx, code)
	select {
	case at := <-cancelled:
		return r, time.Since(at)
	default:
		return r, 0 // the cell ended before the cancel
	}
}
