package concur

import (
	"strings"
	"testing"
)

func TestThreadNames(t *testing.T) {
	if Current().Name() != "MainThread" {
		t.Fatalf("test goroutine is %q", Current())
	}
	inA, inB := make(chan string, 1), make(chan string, 1)
	a := Go(func() { inA <- Current().Name() })
	b := GoNamed("worker", func() {
		done := make(chan struct{})
		go func() { inB <- Current().Name(); close(done) }()
		<-done
	})
	a.Join()
	b.Join()
	if got := <-inA; got != a.Name() || !strings.HasPrefix(got, "Thread-") {
		t.Errorf("inside %s: %q", a, got)
	}
	if got := <-inB; got != "worker" {
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
