package eval

import (
	"context"
	"os"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/concurlab/concurlab/kernel/engine"
	"github.com/concurlab/concurlab/kernel/engine/enginetest"
)

// Session is an engine with replay.
var (
	_ engine.Engine   = (*Session)(nil)
	_ engine.Replayer = (*Session)(nil)
)

func TestInfo(t *testing.T) {
	info := (*Session)(nil).Info()
	lang := info.Language
	if info.Implementation != "concurlab" || lang.Name != "go" || lang.Mimetype != "text/x-go" ||
		lang.FileExtension != ".go" || lang.PygmentsLexer != "go" || lang.CodemirrorMode != "go" ||
		lang.Version != strings.TrimPrefix(runtime.Version(), "go") {
		t.Errorf("Info() = %+v", info)
	}
	if len(info.HelpLinks) != 3 || info.Banner == "" {
		t.Errorf("help links %v, banner %q", info.HelpLinks, info.Banner)
	}
}

func TestCompletionSeesTheSession(t *testing.T) {
	h := newHarness(t, Options{})
	h.mustExec(`import ("strings"; "math/rand/v2")
type account struct{ balance int }
acct := account{10}
func deposit(n int) { acct.balance += n }`)
	if got := h.s.Imports(); got["strings"] != "strings" || got["rand"] != "math/rand/v2" {
		t.Errorf("Imports() = %v", got)
	}
	if v, ok := h.s.Value("acct"); !ok || !v.IsValid() {
		t.Errorf("Value(acct) = %v, %v", v, ok)
	}
	c := h.s.Complete("depo", 4)
	if !slices.Contains(c.Matches, "deposit") {
		t.Errorf("Complete(depo) = %v, want deposit", c.Matches)
	}
	c = h.s.Complete("strings.ToUp", 12)
	if !slices.Contains(c.Matches, "ToUpper") {
		t.Errorf("Complete(strings.ToUp) = %v, want ToUpper", c.Matches)
	}
	if got := h.s.IsComplete("for {").Status; got != "incomplete" {
		t.Errorf("IsComplete(for {) = %q", got)
	}
	if got := h.s.Inspect("strings.ToUpper", 10, 0); !got.Found {
		t.Error("Inspect(strings.ToUpper) found nothing")
	}
}

func TestReset(t *testing.T) {
	h := newHarness(t, Options{})
	h.mustExec(`x := 1
func f() int { return 2 }`)
	h.s.Reset()
	if r := h.exec(`f()`); !strings.Contains(r.errorText(), "undefined") {
		t.Errorf("after Reset f() = %q, %q; want undefined", r.result(), r.errorText())
	}
	if decls := h.s.Declarations(); len(decls) != 0 {
		t.Errorf("after Reset Declarations() = %q", decls)
	}
	if got := h.mustExec(`x := 5
x`).result(); got != "5" {
		t.Errorf("x = %q after Reset", got)
	}
}

func TestResetStopsTheOldGoroutines(t *testing.T) {
	cases := []struct{ name, code string }{
		{"sleeping between prints", `go func() { for { fmt.Println("tick"); time.Sleep(10 * time.Millisecond) } }()`},
		{"spinning between prints", `go func() { for i := 0; ; i++ { if i%100000 == 0 { fmt.Println("tick") } } }()`},
		{"waiting in concur", `mb := concur.NewMailbox(0)
go func() { for { mb.ReceiveTimeout(time.Hour); fmt.Println("tick") } }()`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := newHarness(t, Options{})
			h.mustExec(`import ("concur"; "fmt"; "time")` + "\n" + c.code)
			h.s.Reset()
			h.mustExec(`import "time"`) // shows what was printed before the Reset
			r := h.mustExec(`time.Sleep(100 * time.Millisecond)`)
			if out := r.out.Text("stdout"); strings.Contains(out, "tick") {
				t.Errorf("a goroutine of the reset session printed into a later cell: %q", out)
			}
		})
	}
}

func TestShutdownClosesTheOutputPipes(t *testing.T) {
	before := openFiles(t)
	for range 3 {
		mustNew(t, Options{}).Shutdown(false)
	}
	for deadline := time.Now().Add(5 * time.Second); openFiles(t) > before && time.Now().Before(deadline); {
		time.Sleep(10 * time.Millisecond)
	}
	if got := openFiles(t); got > before {
		t.Errorf("%d files open after three sessions were shut down, %d before", got, before)
	}
}

// openFiles counts the process's open file descriptors.
func openFiles(t *testing.T) int {
	t.Helper()
	fds, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Skip("no /proc/self/fd:", err)
	}
	return len(fds)
}

func TestUserExpressions(t *testing.T) {
	h := newHarness(t, Options{})
	out := &enginetest.Recorder{}
	reply := h.s.Execute(context.Background(), engine.ExecuteRequest{
		Code: `n := 6`, ExecutionCount: 1,
		UserExpressions: map[string]string{"double": "n * 2", "bad": "n +"},
	}, out)
	if reply.Error != nil {
		t.Fatal(reply.Error)
	}
	if got := reply.UserExpressions["double"].Data["text/plain"]; got != "12" {
		t.Errorf("double = %v, want 12", got)
	}
	if reply.UserExpressions["bad"].Error == nil {
		t.Error("bad expression reported no error")
	}
}
