package concur

import (
	"errors"
	"runtime"
	"testing"
	"time"
)

func TestInterruptEndsEveryBlockingCall(t *testing.T) {
	before := runtime.NumGoroutine()
	fullQueue := NewQueue(1)
	fullQueue.Put(0)
	held := NewLock()
	held.Lock()
	gil := NewGIL(0)
	blockGIL := make(chan struct{})
	gil.Go(func() { <-blockGIL })
	time.Sleep(5 * time.Millisecond)
	pool := NewThreadPool(1)
	calls := map[string]func() error{
		"Sleep":       func() error { return Sleep(time.Hour) },
		"Send":        func() error { return NewMailbox(0).Send(1) },
		"Receive":     func() error { _, err := NewMailbox(0).Receive(); return err },
		"Put":         func() error { return fullQueue.Put(1) },
		"Get":         func() error { _, err := NewQueue(1).Get(); return err },
		"Lock":        func() error { return held.Lock() },
		"Future.Wait": func() error { return newFuture().Wait() },
		"Join":        func() error { return mainThread.Join() },
		"GIL wait":    func() error { return gil.Go(func() {}).Join() },
		"Pool.Map":    func() error { _, err := pool.Map(func(int) int { Sleep(time.Hour); return 0 }, []int{1}); return err },
		"CPUWork":     func() error { _, err := CPUWork(1 << 40); return err },
	}
	errs := make(chan error, len(calls))
	for _, call := range calls {
		go func() { errs <- call() }()
	}
	time.Sleep(50 * time.Millisecond)
	within(t, "Interrupt", Interrupt)
	for name := range calls {
		select {
		case err := <-errs:
			if !errors.Is(err, ErrInterrupted) {
				t.Errorf("a call returned %v", err)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("a call (of %d, e.g. %s) did not return after Interrupt", len(calls), name)
		}
	}
	close(blockGIL)
	noLeak(t, before)
	// The package works again after an interrupt.
	m := NewMailbox(1)
	if err := m.Send(1); err != nil {
		t.Fatal(err)
	}
	if err := Sleep(time.Millisecond); err != nil {
		t.Fatal(err)
	}
	if _, err := pool.Map(func(x int) int { return x }, []int{1}); !errors.Is(err, ErrInterrupted) {
		t.Errorf("Map on an interrupted pool = %v", err)
	}
}
