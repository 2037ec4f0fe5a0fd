package worker

import (
	"strings"
	"testing"
)

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
			f := stderrFilter{pass: func(s string) { passed.WriteString(s) }}
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
	f := stderrFilter{pass: func(string) {}}
	f.write("fatal error: stack overflow\n")
	for range 100 {
		f.write(strings.Repeat("main.f()\n", 100))
	}
	if got := len(f.report()); got != dumpLimit {
		t.Errorf("kept %d bytes of the report, want %d", got, dumpLimit)
	}
}
