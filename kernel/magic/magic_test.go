package magic

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/concurlab/concurlab/concur"
	"github.com/concurlab/concurlab/kernel/engine"
	"github.com/concurlab/concurlab/kernel/engine/enginetest"
)

// fakeEngine records what reaches it and runs a cell by calling its function, if any.
type fakeEngine struct {
	cells  []string
	run    func()
	resets int
	asked  []string
}

func (f *fakeEngine) Info() engine.Info { return engine.Info{Implementation: "fake"} }
func (f *fakeEngine) Execute(_ context.Context, req engine.ExecuteRequest, out engine.Output) engine.ExecuteReply {
	f.cells = append(f.cells, req.Code)
	if f.run != nil {
		f.run()
	}
	out.Stream("stdout", "ran\n")
	if strings.Contains(req.Code, "panic") {
		return engine.ExecuteReply{Error: &engine.Error{Name: "panic", Value: "boom", Traceback: []string{"boom"}}}
	}
	return engine.ExecuteReply{}
}
func (f *fakeEngine) Complete(code string, cursor int) engine.Completion {
	f.asked = append(f.asked, code)
	return engine.Completion{Matches: []string{"inner"}, CursorStart: cursor, CursorEnd: cursor}
}
func (f *fakeEngine) Inspect(code string, cursor, detailLevel int) engine.Inspection {
	f.asked = append(f.asked, code)
	return engine.Inspection{Found: true, Data: map[string]any{"text/plain": "inner"}}
}
func (f *fakeEngine) IsComplete(code string) engine.Completeness {
	f.asked = append(f.asked, code)
	if strings.HasSuffix(strings.TrimSpace(code), "{") {
		return engine.Completeness{Status: "incomplete", Indent: "    "}
	}
	return engine.Completeness{Status: "complete"}
}
func (f *fakeEngine) Shutdown(bool) {}

// resettable is a fake engine that can start afresh.
type resettable struct{ fakeEngine }

var _ engine.Resetter = (*resettable)(nil)

func (r *resettable) Reset() { r.resets++ }

func execute(t *testing.T, e engine.Engine, code string) (engine.ExecuteReply, *enginetest.Recorder) {
	t.Helper()
	out := &enginetest.Recorder{}
	return e.Execute(context.Background(), engine.ExecuteRequest{Code: code}, out), out
}

func TestExecute(t *testing.T) {
	t.Setenv("CONCURLAB_TEST_VAR", "blue")
	procs := runtime.GOMAXPROCS(0)
	t.Cleanup(func() { runtime.GOMAXPROCS(procs) })
	tests := []struct {
		name      string
		code      string
		wantCells []string // what reached the inner engine
		wantOut   []string // substrings of stdout
		wantError string   // the reply's error name
	}{
		{"plain Go passes through", "x := 1", []string{"x := 1"}, []string{"ran"}, ""},
		{"help", "%help", nil, []string{"%time", "%%trace", "%gomaxprocs [N]", "%reset", "%env", "%%compile [go build flags]", "NOT carried", "display.Progress", "concur.Go"}, ""},
		{"time", "%time\nx := 1", []string{"     \nx := 1"}, []string{"ran\nCPU times: user ", "Wall time: "}, ""},
		{"time of a failing cell", "%%time\npanic(1)", []string{"      \npanic(1)"}, []string{"Wall time: "}, "panic"},
		{"gomaxprocs shows", "%gomaxprocs", nil, []string{"GOMAXPROCS = ", "NumCPU = "}, ""},
		{"gomaxprocs sets", "%gomaxprocs 3\nx := 1", []string{"             \nx := 1"}, []string{"GOMAXPROCS = 3 (was "}, ""},
		{"gomaxprocs refuses nonsense", "%gomaxprocs many", nil, nil, "UsageError"},
		{"env lists", "%env", nil, []string{"CONCURLAB_TEST_VAR=blue\n"}, ""},
		{"env shows one", "%env CONCURLAB_TEST_VAR", nil, []string{"CONCURLAB_TEST_VAR=blue\n"}, ""},
		{"env sets", "%env CONCURLAB_TEST_VAR=green", nil, []string{"env: CONCURLAB_TEST_VAR=green"}, ""},
		{"env unset name", "%env CONCURLAB_NO_SUCH_VAR", nil, []string{"CONCURLAB_NO_SUCH_VAR=(not set)"}, ""},
		{"unknown magic", "%timeit\nx := 1", nil, nil, "UsageError"},
		{"reset without Reset", "%reset", nil, nil, "UsageError"},
		{"several magics", "\n%gomaxprocs\n%time\n", nil, []string{"GOMAXPROCS = ", "Wall time: "}, ""},
		{"percent later is Go", "x := 7\n%time", []string{"x := 7\n%time"}, []string{"ran"}, ""},
		{"compile must be the last magic", "%%compile\n%time\nx := 1", nil, nil, "UsageError"},
		{"compile refuses -o", "%%compile -o here\nprintln(1)", nil, nil, "UsageError"},
		{"compile refuses an open quote", "%%compile -gcflags='-N\nprintln(1)", nil, nil, "UsageError"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			inner := &fakeEngine{}
			reply, out := execute(t, Wrap(inner), tt.code)
			if got := errorName(reply); got != tt.wantError {
				t.Errorf("error %q, want %q (%+v)", got, tt.wantError, reply.Error)
			}
			if strings.Join(inner.cells, "|") != strings.Join(tt.wantCells, "|") {
				t.Errorf("inner ran %q, want %q", inner.cells, tt.wantCells)
			}
			for _, w := range tt.wantOut {
				if !strings.Contains(out.Text("stdout"), w) {
					t.Errorf("stdout %q lacks %q", out.Text("stdout"), w)
				}
			}
		})
	}
	if got := os.Getenv("CONCURLAB_TEST_VAR"); got != "green" {
		t.Errorf("%%env did not set the variable: %q", got)
	}
}

func errorName(r engine.ExecuteReply) string {
	if r.Error == nil {
		return ""
	}
	if len(r.Error.Traceback) == 0 {
		return "error without traceback"
	}
	return r.Error.Name
}

func TestUnknownMagicListsTheKnownOnes(t *testing.T) {
	reply, _ := execute(t, Wrap(&fakeEngine{}), "%timeit")
	for _, name := range []string{"%timeit", "%help", "%time", "%%trace", "%gomaxprocs", "%reset", "%env"} {
		if !strings.Contains(reply.Error.Value, name) {
			t.Errorf("error %q does not name %s", reply.Error.Value, name)
		}
	}
}

func TestReset(t *testing.T) {
	inner := &resettable{}
	reply, out := execute(t, Wrap(inner), "%reset\nx := 1")
	if reply.Error != nil || inner.resets != 1 {
		t.Fatalf("error %v, resets %d; want one reset", reply.Error, inner.resets)
	}
	if !strings.HasPrefix(out.Text("stdout"), "Session reset") || len(inner.cells) != 1 {
		t.Errorf("stdout %q, cells %q: want a confirmation, then the cell", out.Text("stdout"), inner.cells)
	}
}

func TestTrace(t *testing.T) {
	tests := []struct {
		name     string
		run      func()
		displays int
		stdout   string
	}{
		{"concur events draw a timeline", func() {
			concur.GoNamed("worker", func() { concur.Sleep(time.Millisecond) }).Join()
		}, 1, "ran\n"},
		{"no events, no picture", func() {}, 0, "ran\n%%trace: the cell recorded no concur events.\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			reply, out := execute(t, Wrap(&fakeEngine{run: tt.run}), "%%trace\nwork()")
			if reply.Error != nil {
				t.Fatal(reply.Error)
			}
			displays, stdout := out.Displays(), out.Text("stdout")
			if len(displays) != tt.displays || stdout != tt.stdout {
				t.Fatalf("%d displays, stdout %q; want %d, %q", len(displays), stdout, tt.displays, tt.stdout)
			}
			if tt.displays > 0 {
				svg, _ := displays[0].Data["image/svg+xml"].(string)
				if !strings.HasPrefix(strings.TrimSpace(svg), "<svg") || !strings.Contains(svg, "worker") {
					t.Errorf("image/svg+xml is not a timeline of the worker: %.200q", svg)
				}
				if displays[0].Data["text/html"] != svg {
					t.Error("the timeline is not also text/html, which exported HTML keeps")
				}
			}
		})
	}
}

func TestPassThrough(t *testing.T) {
	inner := &fakeEngine{}
	e := Wrap(inner)
	tests := []struct {
		name  string
		call  func() any
		want  string
		inner []string // what the inner engine was asked
	}{
		{"complete magic names", func() any { return e.Complete("%ti", 3) }, "{[%time] 0 3 map[]}", nil},
		{"complete cell magics", func() any { return e.Complete("%%", 2) }, "{[%%time %%trace %%compile] 0 2 map[]}", nil},
		{"complete on the second magic line", func() any { return e.Complete("%time\n%gom", 10) }, "{[%gomaxprocs] 6 10 map[]}", nil},
		{"complete a magic's argument", func() any { return e.Complete("%env PA", 7) }, "{[] 7 7 map[]}", nil},
		{"complete Go after magics", func() any { return e.Complete("%time\nfmt.", 10) }, "{[inner] 10 10 map[]}", []string{"     \nfmt."}},
		{"inspect a magic", func() any { return e.Inspect("%gomaxprocs 4", 2, 0).Data["text/plain"] }, "%gomaxprocs [N]\n\nShow runtime.GOMAXPROCS, or set it to N.", nil},
		{"inspect Go", func() any { return e.Inspect("%time\nx", 7, 0).Data["text/plain"] }, "inner", []string{"     \nx"}},
		{"magics alone are complete", func() any { return e.IsComplete("%time\n") }, "{complete }", nil},
		{"Go after magics is judged by inner", func() any { return e.IsComplete("%time\nfor {") }, "{incomplete     }", []string{"     \nfor {"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			inner.asked = nil
			if got := sprint(tt.call()); got != tt.want {
				t.Errorf("got %s, want %s", got, tt.want)
			}
			if strings.Join(inner.asked, "|") != strings.Join(tt.inner, "|") {
				t.Errorf("inner asked %q, want %q", inner.asked, tt.inner)
			}
		})
	}
}

func sprint(v any) string { return strings.TrimSpace(fmt.Sprint(v)) }

// replaying is a fake engine that carries declarations.
type replaying struct{ fakeEngine }

func (r *replaying) Declarations() []string  { return []string{"func f() {}"} }
func (r *replaying) Replay(d []string) error { return nil }

func TestWrapKeepsReplayer(t *testing.T) {
	tests := []struct {
		name  string
		inner engine.Engine
		want  bool
	}{
		{"replayer", &replaying{}, true},
		{"plain engine", &fakeEngine{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, ok := Wrap(tt.inner).(engine.Replayer)
			if ok != tt.want {
				t.Fatalf("wrapped engine is a Replayer: %v, want %v", ok, tt.want)
			}
			if ok && len(r.Declarations()) != 1 {
				t.Errorf("Declarations() = %q, want the inner engine's", r.Declarations())
			}
		})
	}
}
