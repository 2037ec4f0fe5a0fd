package concur

import (
	"errors"
	"testing"
	"time"
)

func TestMailboxCombinations(t *testing.T) {
	type sendFunc func(m *Mailbox, v int) error
	type receiveFunc func(m *Mailbox) (any, error)
	sends := map[string]sendFunc{
		"blocking send": func(m *Mailbox, v int) error { return m.Send(v) },
		"non-blocking send": func(m *Mailbox, v int) error {
			for !m.TrySend(v) {
				time.Sleep(time.Millisecond)
			}
			return nil
		},
		"send with timeout": func(m *Mailbox, v int) error { return m.SendTimeout(v, 5*time.Second) },
	}
	receives := map[string]receiveFunc{
		"blocking receive": func(m *Mailbox) (any, error) { return m.Receive() },
		"non-blocking receive": func(m *Mailbox) (any, error) {
			for {
				if v, ok := m.TryReceive(); ok {
					return v, nil
				}
				time.Sleep(time.Millisecond)
			}
		},
		"receive with timeout": func(m *Mailbox) (any, error) { return m.ReceiveTimeout(5 * time.Second) },
	}
	for _, capacity := range []int{0, 2} {
		for sname, send := range sends {
			for rname, receive := range receives {
				if capacity == 0 && sname == "non-blocking send" && rname == "non-blocking receive" {
					continue // on a rendezvous, neither side ever waits for the other: they never meet
				}
				t.Run(sname+"/"+rname+"/cap"+itoa(int64(capacity)), func(t *testing.T) {
					m := NewMailbox(capacity)
					sender := Go(func() {
						for i := range 5 {
							if err := send(m, i); err != nil {
								t.Error(err)
							}
						}
					})
					for i := range 5 {
						v, err := receive(m)
						if err != nil || v != i {
							t.Fatalf("receive %d: got %v, %v", i, v, err)
						}
					}
					if err := sender.Join(); err != nil {
						t.Fatal(err)
					}
				})
			}
		}
	}
}

func TestMailboxNonBlockingAndTimeouts(t *testing.T) {
	tests := []struct {
		name     string
		capacity int
		fill     int
		try      bool
	}{
		{"rendezvous without receiver refuses", 0, 0, false},
		{"buffer with room takes", 1, 0, true},
		{"full buffer refuses", 1, 1, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := NewMailbox(tt.capacity)
			for i := range tt.fill {
				m.TrySend(i)
			}
			if got := m.TrySend("x"); got != tt.try {
				t.Errorf("TrySend = %v, want %v", got, tt.try)
			}
			if !tt.try {
				if err := m.SendTimeout("x", time.Millisecond); !errors.Is(err, ErrTimeout) {
					t.Errorf("SendTimeout = %v, want ErrTimeout", err)
				}
			}
			if m.Cap() != tt.capacity {
				t.Errorf("Cap = %d", m.Cap())
			}
		})
	}
	m := NewMailbox(0)
	if v, ok := m.TryReceive(); ok || v != nil {
		t.Errorf("TryReceive on empty = %v, %v", v, ok)
	}
	if _, err := m.ReceiveTimeout(time.Millisecond); !errors.Is(err, ErrTimeout) {
		t.Errorf("ReceiveTimeout = %v", err)
	}
	if m.Len() != 0 || m.Name() == "" {
		t.Errorf("Len %d, Name %q", m.Len(), m.Name())
	}
}

func TestRendezvousSendWaitsForReceiver(t *testing.T) {
	m := NewMailbox(0)
	sent := make(chan struct{})
	Go(func() { m.Send(1); close(sent) })
	select {
	case <-sent:
		t.Fatal("blocking send returned before anyone received")
	case <-time.After(20 * time.Millisecond):
	}
	if v, err := m.Receive(); v != 1 || err != nil {
		t.Fatal(v, err)
	}
	<-sent
}
