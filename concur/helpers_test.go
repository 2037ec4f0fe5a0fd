package concur

import (
	"runtime"
	"testing"
	"time"
)

// noLeak fails t if, within a few seconds, there are still more goroutines than before
// (with a little slack for the runtime's own).
func noLeak(t *testing.T, before int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before+2 {
		if time.Now().After(deadline) {
			t.Fatalf("goroutines: %d before, %d after", before, runtime.NumGoroutine())
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// within fails t unless f returns within a few seconds.
func within(t *testing.T, what string, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { defer close(done); f() }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatalf("%s did not return", what)
	}
}

// waitersOf returns how many threads wait for g.
func waitersOf(g *GIL) int {
	g.mu.Lock()
	defer g.mu.Unlock()
	return len(g.waiters)
}

// awaitWaiters waits until n threads wait for g.
func awaitWaiters(t *testing.T, g *GIL, n int) {
	t.Helper()
	within(t, "waiting for the GIL", func() {
		for waitersOf(g) < n {
			time.Sleep(100 * time.Microsecond)
		}
	})
}
