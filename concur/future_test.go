package concur

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestFutureStates(t *testing.T) {
	boom := errors.New("boom")
	tests := []struct {
		name  string
		fn    func() (any, error)
		state State
		value any
		err   error
	}{
		{"done", func() (any, error) { return 42, nil }, Done, 42, nil},
		{"failed", func() (any, error) { return nil, boom }, Failed, nil, boom},
		{"panicked", func() (any, error) { panic("oops") }, Failed, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := Async(tt.fn)
			called := make(chan State, 1)
			f.OnDone(func(f *Future) { called <- f.State() })
			v, err := f.Result()
			if f.State() != tt.state || v != tt.value {
				t.Fatalf("state %v value %v, want %v %v", f.State(), v, tt.state, tt.value)
			}
			if tt.err != nil && !errors.Is(err, tt.err) || tt.state == Failed && err == nil {
				t.Fatalf("err %v", err)
			}
			if s := <-called; s != tt.state {
				t.Fatalf("callback saw %v", s)
			}
			late := make(chan bool, 1)
			f.OnDone(func(*Future) { late <- true })
			if !<-late {
				t.Fatal("late callback")
			}
			if !strings.Contains(f.String(), tt.state.String()) {
				t.Errorf("String = %q", f.String())
			}
		})
	}
}

func TestFuturePendingRunningCancelled(t *testing.T) {
	p := NewParallelPool(1)
	defer p.Close()
	release := make(chan struct{})
	started := make(chan struct{})
	first := p.Submit(func(int) int { close(started); <-release; return 1 }, 0)
	second := p.Submit(func(int) int { return 2 }, 0)
	<-started
	if first.State() != Running || second.State() != Pending {
		t.Fatalf("states %v %v", first.State(), second.State())
	}
	if !second.Cancel() || second.State() != Cancelled {
		t.Fatal("pending future not cancelled")
	}
	if first.Cancel() {
		t.Fatal("running future cancelled")
	}
	if _, err := first.ResultTimeout(time.Millisecond); !errors.Is(err, ErrTimeout) {
		t.Fatalf("ResultTimeout = %v", err)
	}
	close(release)
	if err := first.Wait(); err != nil {
		t.Fatal(err)
	}
	<-first.Finished()
	if _, err := second.Result(); !errors.Is(err, ErrCancelled) {
		t.Fatal(err)
	}
	if State(9).String() != "State(?)" || EventKind(99).String() != "EventKind(?)" {
		t.Error("unknown names")
	}
}
