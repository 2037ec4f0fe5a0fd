package worker

import (
	"context"
	"errors"
	"io"
	"log"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/concurlab/concurlab/kernel/engine"
	"github.com/concurlab/concurlab/kernel/engine/enginetest"
)

// newSupervisor starts a supervisor of test workers (this binary serving a fakeEngine) that
// the test shuts down when it ends.
func newSupervisor(t *testing.T) *Supervisor {
	t.Helper()
	s := NewSupervisor(Options{
		Command: []string{os.Args[0]},
		Info:    engine.Info{Implementation: "concurlab-test"},
		Logger:  log.New(io.Discard, "", 0),
	})
	t.Cleanup(func() { s.Shutdown(false) })
	return s
}

// run executes code and returns the reply and what the cell published.
func run(t *testing.T, s *Supervisor, code string) (engine.ExecuteReply, *enginetest.Recorder) {
	t.Helper()
	out := &enginetest.Recorder{}
	return s.Execute(context.Background(), engine.ExecuteRequest{Code: code}, out), out
}

// mustRun executes code and fails the test if the cell fails.
func mustRun(t *testing.T, s *Supervisor, code string) *enginetest.Recorder {
	t.Helper()
	reply, out := run(t, s, code)
	if reply.Error != nil {
		t.Fatalf("cell %q failed: %v %q", code, reply.Error, reply.Error.Traceback)
	}
	return out
}

// workerPID returns the process id of the supervisor's current worker.
func workerPID(t *testing.T, s *Supervisor) int {
	t.Helper()
	pid, err := strconv.Atoi(strings.TrimSpace(mustRun(t, s, "pid").Text("stdout")))
	if err != nil {
		t.Fatal(err)
	}
	return pid
}

// waitGone fails the test unless process pid is gone (exited and reaped) within a few seconds.
func waitGone(t *testing.T, pid int) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if err := syscall.Kill(pid, 0); errors.Is(err, syscall.ESRCH) {
			return
		}
	}
	t.Fatalf("worker %d is still there", pid)
}

// cancelOn returns a context that is cancelled once out has published text on stdout.
func cancelOn(out *enginetest.Recorder, text string) (context.Context, *time.Time) {
	ctx, cancel := context.WithCancel(context.Background())
	var at time.Time
	out.OnStream = func(name, published string) {
		if name == "stdout" && published == text {
			at = time.Now()
			cancel()
		}
	}
	return ctx, &at
}

// interruptWhenPrinted runs code after a line that prints marker, and interrupts the cell
// once the marker is out; it returns the reply and when the interrupt was sent.
func interruptWhenPrinted(s *Supervisor, marker, code string) (engine.ExecuteReply, *time.Time) {
	out := &enginetest.Recorder{}
	ctx, cancelled := cancelOn(out, marker+"\n")
	return s.Execute(ctx, engine.ExecuteRequest{Code: "print " + marker + "\n" + code}, out), cancelled
}

func TestInfoDoesNotNeedTheWorker(t *testing.T) {
	s := NewSupervisor(Options{Command: []string{"/nonexistent/concurlab"}, Info: engine.Info{Implementation: "x"},
		Logger: log.New(io.Discard, "", 0)})
	defer s.Shutdown(false)
	if got := s.Info().Implementation; got != "x" {
		t.Errorf("Info().Implementation = %q, want x", got)
	}
	reply, _ := run(t, s, "print a")
	if reply.Error == nil || reply.Error.Name != "WorkerUnavailable" {
		t.Errorf("cell without a worker: error %+v, want WorkerUnavailable", reply.Error)
	}
	if c := s.Complete("fm", 2); len(c.Matches) != 0 || c.CursorStart != 2 {
		t.Errorf("Complete without a worker = %+v, want no matches at 2", c)
	}
}

func TestOutputReachesTheCell(t *testing.T) {
	s := newSupervisor(t)
	tests := []struct {
		code, stdout, stderr string
		displays             int
	}{
		{code: "print a\nprint b\nprint c", stdout: "a\nb\nc\n"},
		{code: "stdout to fd 1", stdout: "to fd 1\n"},
		{code: "stderr to fd 2\nstderr panic-free line", stderr: "to fd 2\npanic-free line\n"},
		{code: "print x\ndisplay picture\nprint y", stdout: "x\ny\n", displays: 1},
	}
	for _, tt := range tests {
		out := mustRun(t, s, tt.code)
		if got := out.Text("stdout"); got != tt.stdout {
			t.Errorf("%q: stdout %q, want %q", tt.code, got, tt.stdout)
		}
		if got := out.Text("stderr"); got != tt.stderr {
			t.Errorf("%q: stderr %q, want %q", tt.code, got, tt.stderr)
		}
		if got := len(out.Displays()); got != tt.displays {
			t.Errorf("%q: %d displays, want %d", tt.code, got, tt.displays)
		}
	}
}

func TestLateOutputShownAtNextCell(t *testing.T) {
	s := newSupervisor(t)
	first := mustRun(t, s, "late from the past")
	time.Sleep(400 * time.Millisecond) // the goroutine prints meanwhile; the next cell shows it however late
	second := mustRun(t, s, "print now")
	if strings.Contains(first.Text("stdout"), "past") {
		t.Errorf("first cell shows output made after it ended: %q", first.Text("stdout"))
	}
	if got := second.Text("stdout"); !strings.Contains(got, "from the past\n") || !strings.Contains(got, "now\n") {
		t.Errorf("next cell's stdout = %q, want the late line and its own", got)
	}
}

func TestCrashIsExplainedAndDeclarationsReplayed(t *testing.T) {
	tests := []struct {
		code, cause, hint string
	}{
		{"mapwrites", "two goroutines wrote the same map at once (fatal error: concurrent map writes)", "sync.Mutex"},
		{"recurse", "overflowed the stack (fatal error: stack overflow)", "a case that stops it"},
		{"exit 3", "os.Exit(3)", "return from the cell"},
		{"nilpointer", "nil or invalid pointer", "check for nil"},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			s := newSupervisor(t)
			mustRun(t, s, "declare func f() {}\ndeclare type T int")
			before := workerPID(t, s)
			reply, out := run(t, s, "print before the crash\n"+tt.code)
			e := reply.Error
			if e == nil || e.Name != "WorkerCrashed" || !strings.Contains(e.Value, tt.cause) {
				t.Fatalf("error = %+v, want WorkerCrashed naming %q", e, tt.cause)
			}
			traceback := strings.Join(e.Traceback, "\n")
			t.Logf("%s: %s\n%s", e.Name, e.Value, traceback)
			for _, want := range []string{tt.hint, "your declarations (funcs, types, imports) replayed"} {
				if !strings.Contains(traceback, want) {
					t.Errorf("traceback lacks %q:\n%s", want, traceback)
				}
			}
			if got := out.Text("stdout"); got != "before the crash\n" {
				t.Errorf("stdout = %q, want the output before the crash", got)
			}
			if got := out.Text("stderr"); strings.Contains(got, "[running]:") {
				t.Errorf("the runtime's dump reached the user's stderr: %q", got)
			}
			next := mustRun(t, s, "replayed")
			if got := next.Text("stdout"); got != "replayed: func f() {},type T int\n" {
				t.Errorf("fresh worker replayed %q", got)
			}
			if after := workerPID(t, s); after == before {
				t.Errorf("worker pid %d did not change after the crash", after)
			}
			waitGone(t, before)
		})
	}
}

func TestCrashBetweenCellsIsReported(t *testing.T) {
	s := newSupervisor(t)
	before := workerPID(t, s)
	mustRun(t, s, "exitlater 4")
	waitGone(t, before)
	var seen strings.Builder
	for range 3 { // a cell sent while the supervisor notices the death may meet the dead worker
		reply, out := run(t, s, "print alive")
		seen.WriteString(out.Text("stderr"))
		if reply.Error == nil {
			break
		}
		seen.WriteString(reply.Error.Value)
	}
	if got := seen.String(); !strings.Contains(got, "os.Exit(4)") {
		t.Errorf("the next cells did not explain the crash between cells: %q", got)
	}
}

func TestFailedReplayIsReportedOnce(t *testing.T) {
	s := newSupervisor(t)
	mustRun(t, s, "declare bad")
	if reply, _ := run(t, s, "exit 1"); reply.Error == nil || reply.Error.Name != "WorkerCrashed" {
		t.Fatalf("exit 1: error %+v, want WorkerCrashed", reply.Error)
	}
	first := mustRun(t, s, "print one")
	second := mustRun(t, s, "print two")
	if got := first.Text("stderr"); !strings.Contains(got, "could not be replayed: bad: cannot declare") {
		t.Errorf("first cell after the replay: stderr %q, want the replay failure", got)
	}
	if got := second.Text("stderr"); got != "" {
		t.Errorf("second cell after the replay: stderr %q, want nothing", got)
	}
}

func TestInterruptCellThatStops(t *testing.T) {
	s := newSupervisor(t)
	before := workerPID(t, s)
	reply, _ := interruptWhenPrinted(s, "waiting", "wait")
	if reply.Error == nil || reply.Error.Name != "Interrupted" || reply.Error.Value != "stopped" {
		t.Fatalf("error = %+v, want the engine's own Interrupted", reply.Error)
	}
	if after := workerPID(t, s); after != before {
		t.Errorf("worker changed from %d to %d, want it kept", before, after)
	}
}

func TestInterruptStuckCellReplacesWorker(t *testing.T) {
	s := newSupervisor(t)
	mustRun(t, s, "declare func g() {}")
	before := workerPID(t, s)
	reply, cancelled := interruptWhenPrinted(s, "stuck", "stuck")
	if reply.Error == nil || reply.Error.Name != "Interrupted" || !strings.Contains(reply.Error.Value, "replaced") {
		t.Fatalf("error = %+v, want Interrupted saying the evaluator was replaced", reply.Error)
	}
	next := mustRun(t, s, "replayed")
	// Generous bound: the brief asks for the grace period plus 500 ms on an idle machine.
	elapsed, limit := time.Since(*cancelled), DefaultInterruptGrace+2*time.Second
	t.Logf("next cell ran %v after the interrupt", elapsed)
	if elapsed > limit {
		t.Errorf("next cell ran %v after the interrupt, want under %v", elapsed, limit)
	}
	if got := next.Text("stdout"); got != "replayed: func g() {}\n" {
		t.Errorf("fresh worker replayed %q", got)
	}
	waitGone(t, before)
}

func TestInterruptedCellThatKeepsACoreBusyReplacesWorker(t *testing.T) {
	s := newSupervisor(t)
	mustRun(t, s, "declare func g() {}")
	before := workerPID(t, s)
	reply, _ := interruptWhenPrinted(s, "spinning", "spin")
	if reply.Error == nil || reply.Error.Value != "stopped" {
		t.Fatalf("error = %+v, want the engine's own Interrupted", reply.Error)
	}
	waitGone(t, before)
	next := mustRun(t, s, "replayed")
	if got := next.Text("stdout"); got != "replayed: func g() {}\n" {
		t.Errorf("fresh worker replayed %q", got)
	}
	for _, want := range []string{"compiled call running", "your declarations (funcs, types, imports) replayed"} {
		if !strings.Contains(next.Text("stderr"), want) {
			t.Errorf("the next cell's stderr lacks %q: %q", want, next.Text("stderr"))
		}
	}
}

func TestBusyCellAfterAnInterruptKeepsWorker(t *testing.T) {
	s := newSupervisor(t)
	before := workerPID(t, s)
	interruptWhenPrinted(s, "waiting", "wait")
	mustRun(t, s, "burn 500ms")
	time.Sleep(abandonedWindow * abandonedWindows)
	if after := workerPID(t, s); after != before {
		t.Errorf("a cell's own work after an interrupt replaced the worker (%d → %d)", before, after)
	}
}

func TestParseStatCPU(t *testing.T) {
	tests := []struct {
		stat string
		want time.Duration
		ok   bool
	}{
		{"1234 (concurlab) S 1 2 3 4 5 6 7 8 9 10 250 50 0 0 20 0", 3 * time.Second, true},
		{"1234 (a (b) c) R 1 2 3 4 5 6 7 8 9 10 1 2 0 0", 30 * time.Millisecond, true},
		{"1234 (short) S 1 2", 0, false},
		{"garbage", 0, false},
	}
	for _, tt := range tests {
		got, ok := parseStatCPU(tt.stat)
		if got != tt.want || ok != tt.ok {
			t.Errorf("parseStatCPU(%q) = %v, %v; want %v, %v", tt.stat, got, ok, tt.want, tt.ok)
		}
	}
}

func TestInputRoundTrip(t *testing.T) {
	s := newSupervisor(t)
	out := &enginetest.Recorder{Answers: []string{"Ada"}}
	reply := s.Execute(context.Background(), engine.ExecuteRequest{Code: "input name? \nprint done"}, out)
	if reply.Error != nil {
		t.Fatal(reply.Error)
	}
	if got := out.Prompts(); !slices.Equal(got, []string{"name? "}) {
		t.Errorf("prompts = %q, want [name? ]", got)
	}
	if got := out.Text("stdout"); got != "got Ada\ndone\n" {
		t.Errorf("stdout = %q", got)
	}
	failed, _ := run(t, s, "input again?")
	if failed.Error == nil || failed.Error.Value != engine.ErrNoStdin.Error() {
		t.Errorf("input refused by the front end: error %+v, want its error", failed.Error)
	}
}

func TestRequestsAreForwarded(t *testing.T) {
	s := newSupervisor(t)
	if c := s.Complete("fm", 2); !slices.Equal(c.Matches, []string{"complete:fm"}) || c.CursorEnd != 2 {
		t.Errorf("Complete = %+v", c)
	}
	if in := s.Inspect("x", 1, 1); !in.Found || in.Data["text/plain"] != "inspect:x:1" {
		t.Errorf("Inspect = %+v", in)
	}
	if c := s.IsComplete("for {"); c.Status != "incomplete" || c.Indent != "  " {
		t.Errorf("IsComplete = %+v", c)
	}
}

func TestRestartAndShutdownLeaveNoWorker(t *testing.T) {
	for _, restart := range []bool{true, false} {
		goroutines := runtime.NumGoroutine()
		s := NewSupervisor(Options{Command: []string{os.Args[0]}, Logger: log.New(io.Discard, "", 0)})
		mustRun(t, s, "declare var x int")
		pid := workerPID(t, s)
		s.Shutdown(restart)
		waitGone(t, pid)
		if reply, _ := run(t, s, "print a"); reply.Error == nil || reply.Error.Name != "WorkerStopped" {
			t.Errorf("restart %v: cell after shutdown: error %+v, want WorkerStopped", restart, reply.Error)
		}
		s.Shutdown(false)
		for deadline := time.Now().Add(5 * time.Second); runtime.NumGoroutine() > goroutines; time.Sleep(10 * time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatalf("restart %v: %d goroutines left after shutdown, had %d before", restart, runtime.NumGoroutine(), goroutines)
			}
		}
	}
}

// A restart stops the worker as a shutdown does: the worker stops the running cell, or, when
// the cell is stuck, is killed, and the cell's error names the restart.
func TestRestartDuringStuckCell(t *testing.T) {
	s := newSupervisor(t)
	out := &enginetest.Recorder{}
	out.OnStream = func(name, text string) {
		if name == "stdout" && text == "started\n" {
			go s.Shutdown(true)
		}
	}
	reply := s.Execute(context.Background(), engine.ExecuteRequest{Code: "print started\nstuck"}, out)
	if reply.Error == nil || reply.Error.Value != "the kernel was restarted while the cell ran" {
		t.Fatalf("error = %+v, want the restart named", reply.Error)
	}
}

// A reply the worker cannot encode fails the cell at once, saying why, instead of leaving the
// cell waiting for a reply that never comes.
func TestUnencodableReplyFailsTheCell(t *testing.T) {
	s := newSupervisor(t)
	reply, _ := run(t, s, "result NaN")
	if reply.Error == nil || reply.Error.Name != "OutputError" || !strings.Contains(reply.Error.Value, "NaN") {
		t.Fatalf("error = %+v, want OutputError naming the NaN", reply.Error)
	}
	mustRun(t, s, "print still here")
}

// A stderr line that looks like the start of a crash report, from a worker that lives on, is
// shown after all and does not swallow the stderr that follows.
func TestCrashLikeStderrLineIsShown(t *testing.T) {
	s := newSupervisor(t)
	seen := mustRun(t, s, "stderr runtime: only a message").Text("stderr")
	for deadline := time.Now().Add(10 * time.Second); !strings.Contains(seen, "next\n"); time.Sleep(2 * heldQuiet) {
		if time.Now().After(deadline) {
			t.Fatalf("stderr after a crash-like line is swallowed; cells showed %q", seen)
		}
		seen += mustRun(t, s, "stderr next").Text("stderr")
	}
	if !strings.HasPrefix(strings.TrimPrefix(seen, "── printed while no cell ran ──\n"), "runtime: only a message\n") {
		t.Errorf("cells showed stderr %q, want the crash-like line first", seen)
	}
}

// A worker whose engine cannot start fails each cell with the reason, in the cell, and answers
// the other requests with nothing found.
func TestEngineThatCannotStartFailsEachCell(t *testing.T) {
	s := NewSupervisor(Options{Command: []string{os.Args[0], failStartArg}, Logger: log.New(io.Discard, "", 0)})
	t.Cleanup(func() { s.Shutdown(false) })
	for range 2 {
		reply, _ := run(t, s, "print hi")
		want := "the evaluator could not start: " + errFakeStart.Error()
		if reply.Error == nil || reply.Error.Name != "WorkerUnavailable" || reply.Error.Value != want {
			t.Fatalf("error = %+v, want WorkerUnavailable: %s", reply.Error, want)
		}
	}
	if c := s.Complete("fm", 2); len(c.Matches) != 0 || c.CursorStart != 2 {
		t.Errorf("completion %+v, want none", c)
	}
}
