package concur

import (
	"strings"
	"testing"
)

func TestThreadNames(t *testing.T) {
	if Current().Name() != "MainThread" {
		t.Fatalf("test goroutine is %q", Current())
	}
	names := make(chan string, 3)
	a := Go(func() { names <- Current().Name() })
	b := GoNamed("worker", func() {
		done := make(chan struct{})
		go func() { names <- Current().Name(); close(done) }()
		<-done
	})
	a.Join()
	b.Join()
	if got := <-names; got != a.Name() || !strings.HasPrefix(got, "Thread-") {
		t.Errorf("inside %s: %q", a, got)
	}
	if got := <-names; got != "worker" {
		t.Errorf("goroutine inside worker: %q", got)
	}
	if a.Alive() {
		t.Error("joined thread alive")
	}
}

func TestThreadPanicBecomesJoinError(t *testing.T) {
	th := Go(func() { panic("bad") })
	if err := th.Join(); err == nil || !strings.Contains(err.Error(), "bad") {
		t.Fatalf("Join = %v", err)
	}
}

