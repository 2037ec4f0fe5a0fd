package concur

import (
	"os"
	"path/filepath"
	"testing"
)

func TestStatusThreads(t *testing.T) {
	status, err := os.ReadFile(filepath.Join("testdata", "proc-status.txt"))
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name   string
		status []byte
		want   int
		ok     bool
	}{
		{"a Linux status file", status, 7, true},
		{"no Threads line", []byte("Name:\tx\nPid:\t1\n"), 0, false},
		{"a bad count", []byte("Threads:\tmany\n"), 0, false},
	}
	for _, c := range cases {
		if n, ok := statusThreads(c.status); n != c.want || ok != c.ok {
			t.Errorf("%s: %d, %v; want %d, %v", c.name, n, ok, c.want, c.ok)
		}
	}
}

func TestOSThreadsManyGoroutinesFewThreads(t *testing.T) {
	const extra = 1000
	release := make(chan struct{})
	for range extra {
		go func() { <-release }()
	}
	defer close(release)
	c := OSThreads()
	// Goroutines blocked on a channel need no OS thread of their own.
	if c.Goroutines < extra || c.OSThreads < 1 || c.OSThreads >= extra/2 || c.GOMAXPROCS < 1 {
		t.Errorf("OSThreads() = %+v with %d goroutines blocked", c, extra)
	}
}
