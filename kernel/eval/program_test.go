package eval

import (
	"testing"
	"time"
)

// TestExitShowsNothingAfterIt checks that os.Exit ends a cell's program as it ends a Go
// program: its deferred calls and goroutines print nothing afterwards, and the next cell
// runs in a session that kept its values.
func TestExitShowsNothingAfterIt(t *testing.T) {
	h := newHarness(t, Options{})
	h.mustExec(`import ("fmt"; "os"; "time")`)
	h.mustExec(`kept := 42`)
	r := h.exec(`go func() { time.Sleep(20 * time.Millisecond); fmt.Println("goroutine") }()
defer fmt.Println("deferred")
fmt.Println("before")
os.Exit(3)`)
	if got := r.out.Text("stdout"); got != "before\n" {
		t.Errorf("stdout = %q, want only %q", got, "before\n")
	}
	if r.reply.Error == nil || r.reply.Error.Value != "exit status 3" {
		t.Errorf("error = %q, want exit status 3", r.errorText())
	}
	time.Sleep(50 * time.Millisecond)
	next := h.mustExec(`kept`)
	if got := next.result(); got != "42" {
		t.Errorf("kept = %q after the exit, want 42", got)
	}
	if got := next.out.Text("stdout"); got != "" {
		t.Errorf("the next cell shows %q, printed after the exit", got)
	}
}
