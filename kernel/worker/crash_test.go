package worker

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestExplainCrashReport(t *testing.T) {
	tests := []struct {
		fixture, cause, hint string
		report               []string
	}{
		{
			fixture: "concurrent_map_read_write.txt",
			cause:   "one goroutine read a map while another wrote it (fatal error: concurrent map read and map write)",
			hint:    "sync.Mutex",
			report: []string{"fatal error: concurrent map read and map write", "goroutine 7 [running]:",
				"main.reader(0xc000012345)", "\t/tmp/cell.go:12 +0x45", "created by main.main in goroutine 1", "\t/tmp/cell.go:20 +0x6b"},
		},
		{
			fixture: "concurrent_map_writes_interpreted.txt",
			cause:   "two goroutines wrote the same map at once (fatal error: concurrent map writes)",
			hint:    "sync.Mutex",
			report:  []string{"fatal error: concurrent map writes", "goroutine 73 [running]:"},
		},
		{
			fixture: "out_of_memory.txt",
			cause:   "the evaluator ran out of memory (fatal error: runtime: out of memory)",
			hint:    "make less data at once",
			report:  []string{"fatal error: runtime: out of memory", "goroutine 1 [running]:", "main.grow()", "\t/tmp/cell.go:7 +0x25"},
		},
		{
			fixture: "goroutine_panic.txt",
			cause:   "a goroutine panicked and nothing recovered it (panic: boom)",
			hint:    "recover inside the goroutine",
		},
		{
			fixture: "unknown_fatal.txt",
			cause:   "the Go runtime stopped the evaluator (fatal error: sync: unlock of unlocked mutex)",
			hint:    "no recover can catch",
		},
	}
	for _, tt := range tests {
		t.Run(tt.fixture, func(t *testing.T) {
			report, err := os.ReadFile(filepath.Join("testdata", tt.fixture))
			if err != nil {
				t.Fatal(err)
			}
			c := explainCrash(string(report), nil)
			if c.cause != tt.cause {
				t.Errorf("cause = %q, want %q", c.cause, tt.cause)
			}
			if !strings.Contains(c.hint, tt.hint) {
				t.Errorf("hint = %q, want it to mention %q", c.hint, tt.hint)
			}
			if tt.report != nil && !slices.Equal(c.report, tt.report) {
				t.Errorf("report = %q, want %q", c.report, tt.report)
			}
		})
	}
}

func TestExplainExit(t *testing.T) {
	tests := []struct {
		script, cause string
	}{
		{"exit 7", "the cell's code ended the evaluator with os.Exit(7) (exit status 7)"},
		{"exit 0", "the cell's code ended the evaluator with os.Exit(0) (exit status 0)"},
		{"kill -TERM $$", "the evaluator was stopped by a signal (terminated)"},
		{"kill -KILL $$", "the evaluator was killed (signal killed), most often by the system because it used too much memory"},
	}
	for _, tt := range tests {
		cmd := exec.Command("/bin/sh", "-c", tt.script)
		_ = cmd.Run() // the exit state is what is tested
		if got := explainCrash("", cmd.ProcessState).cause; got != tt.cause {
			t.Errorf("%s: cause %q, want %q", tt.script, got, tt.cause)
		}
	}
}

func TestCrashErrorLines(t *testing.T) {
	c := crash{cause: "it broke", hint: "mend it", report: []string{"fatal error: broke"}}
	tests := []struct {
		replayed bool
		last     string
	}{
		{true, "a fresh evaluator takes over, with your declarations (funcs, types, imports) replayed; variable values are reset."},
		{false, "a fresh evaluator takes over; variable values are reset."},
	}
	for _, tt := range tests {
		e := c.crashError(tt.replayed)
		want := []string{"The evaluator process stopped: it broke.", "Hint: mend it.", "    fatal error: broke", tt.last}
		if e.Name != "WorkerCrashed" || e.Value != "it broke" || !slices.Equal(e.Traceback, want) {
			t.Errorf("replayed %v: error %q %q %q, want WorkerCrashed, it broke, %q", tt.replayed, e.Name, e.Value, e.Traceback, want)
		}
	}
}
