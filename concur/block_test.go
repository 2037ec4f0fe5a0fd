package concur

import (
	"errors"
	"testing"
	"time"
)

// onGILThread runs call on a thread of a GIL after that thread let go of the GIL for it and
// another thread of the GIL took it and keeps it, never checkpointing. It returns the GIL,
// the channel that call's error arrives on, and the func that lets the holder finish.
func onGILThread(t *testing.T, call func() error) (*GIL, <-chan error, func()) {
	t.Helper()
	g := NewGIL(0)
	result := make(chan error, 1)
	started := make(chan struct{})
	caller := g.Go(func() { close(started); result <- call() })
	<-started // the caller has the GIL until call lets go of it
	hold, holding := make(chan struct{}), make(chan struct{})
	holder := g.Go(func() { close(holding); <-hold })
	<-holding // the holder has the GIL, so call let go of it
	return g, result, func() {
		close(hold)
		holder.Join()
		caller.Join()
	}
}

// waitFor fails t unless an error arrives on result within a few seconds, and returns it.
func waitFor(t *testing.T, what string, result <-chan error) error {
	t.Helper()
	select {
	case err := <-result:
		return err
	case <-time.After(5 * time.Second):
		t.Fatalf("%s did not return", what)
		return nil
	}
}

func TestInterruptWakesBlockedCallWhileGILIsHeld(t *testing.T) {
	_, result, finish := onGILThread(t, func() error { return Sleep(time.Hour) })
	defer finish()
	Interrupt()
	if err := waitFor(t, "Sleep after Interrupt", result); !errors.Is(err, ErrInterrupted) {
		t.Errorf("Sleep = %v, want ErrInterrupted", err)
	}
}

func TestDeliveredMessageIsNotReportedAsFailed(t *testing.T) {
	tests := []struct {
		name  string
		call  func(m *Mailbox) error // on the GIL thread
		other func(m *Mailbox) error // on MainThread, completing the call's transfer
	}{
		{"Receive", func(m *Mailbox) error {
			v, err := m.Receive()
			if err == nil && v != 7 {
				return errors.New("wrong message")
			}
			return err
		}, func(m *Mailbox) error { return m.Send(7) }},
		{"Send", func(m *Mailbox) error { return m.Send(7) },
			func(m *Mailbox) error { _, err := m.Receive(); return err }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := NewMailbox(0)
			g, result, finish := onGILThread(t, func() error { return tt.call(m) })
			defer finish()
			if err := tt.other(m); err != nil {
				t.Fatal(err)
			}
			for waitersOf(g) == 0 { // the call has its message and waits for the GIL
				time.Sleep(time.Millisecond)
			}
			Interrupt()
			if err := waitFor(t, tt.name, result); err != nil {
				t.Errorf("%s of a message that was delivered = %v", tt.name, err)
			}
		})
	}
}
