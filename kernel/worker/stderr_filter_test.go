package worker

import (
	"strings"
	"sync"
	"testing"
	"time"
)

// exiting is the liveness of a worker that is exiting, as one does after a crash report.
func exiting() bool { return false }

func TestStderrFilter(t *testing.T) {
	tests := []struct {
		name         string
		chunks       []string
		pass, report string
	}{
		{"plain text", []string{"hello\n", "world\n"}, "hello\nworld\n", ""},
		{"crash after text", []string{"warn\nfatal error: concurrent map writes\n\ngoroutine 1 [running]:\n"},
			"warn\n", "fatal error: concurrent map writes\n\ngoroutine 1 [running]:\n"},
		{"marker split between chunks", []string{"note\nfat", "al error: x\n", "more\n"}, "note\n", "fatal error: x\nmore\n"},
		{"prefix of a marker that is not one", []string{"fat", "her\n"}, "father\n", ""},
		{"marker inside a line", []string{"say ", "panic: no\n"}, "say panic: no\n", ""},
		{"prefix held until stderr ends", []string{"ok\nrun"}, "ok\nrun", ""},
		{"goroutine panic", []string{"panic: boom\n\ngoroutine 5 [running]:\n"}, "", "panic: boom\n\ngoroutine 5 [running]:\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var passed strings.Builder
			f := stderrFilter{pass: func(s string) { passed.WriteString(s) }, alive: exiting}
			for _, c := range tt.chunks {
				f.write(c)
			}
			f.close()
			if got := passed.String(); got != tt.pass {
				t.Errorf("passed %q, want %q", got, tt.pass)
			}
			if got := f.report(); got != tt.report {
				t.Errorf("report %q, want %q", got, tt.report)
			}
		})
	}
}

func TestStderrFilterBoundsTheReport(t *testing.T) {
	f := stderrFilter{pass: func(string) {}, alive: exiting}
	f.write("fatal error: stack overflow\n")
	for range 100 {
		f.write(strings.Repeat("main.f()\n", 100))
	}
	if got := len(f.report()); got != dumpLimit {
		t.Errorf("kept %d bytes of the report, want %d", got, dumpLimit)
	}
}

// syncBuilder is a strings.Builder for a filter that passes text on from its timer too.
type syncBuilder struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuilder) write(text string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.b.WriteString(text)
}

func (s *syncBuilder) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// While the worker lives on, what the filter held for a crash report that was not one is
// passed on, and so is later stderr.
func TestStderrFilterReleasesWhatALiveWorkerWrote(t *testing.T) {
	tests := []struct {
		name   string
		chunks []string
		pass   string
	}{
		{"a line that looks like a crash", []string{"runtime: not a crash\n", "later\n"}, "runtime: not a crash\nlater\n"},
		{"a partial line", []string{"ok\np"}, "ok\np"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var passed syncBuilder
			f := &stderrFilter{pass: passed.write, alive: func() bool { return true }}
			defer f.close()
			for _, c := range tt.chunks {
				f.write(c)
			}
			for deadline := time.Now().Add(10 * time.Second); passed.String() != tt.pass; time.Sleep(10 * time.Millisecond) {
				if time.Now().After(deadline) {
					t.Fatalf("passed %q, want %q", passed.String(), tt.pass)
				}
			}
			f.write("panic-free tail\n")
			if got, want := passed.String(), tt.pass+"panic-free tail\n"; got != want {
				t.Errorf("then passed %q, want %q", got, want)
			}
		})
	}
}

func TestStderrFilterFlushesAPartialLine(t *testing.T) {
	var passed strings.Builder
	f := &stderrFilter{pass: func(s string) { passed.WriteString(s) }, alive: exiting}
	f.write("p")
	f.flush()
	if got := passed.String(); got != "p" {
		t.Errorf("passed %q after a flush, want the partial line", got)
	}
}
