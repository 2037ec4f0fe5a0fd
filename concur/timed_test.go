package concur

import (
	"testing"
	"time"
)

func TestTimedWaitsCountsTheCallsThatEndByThemselves(t *testing.T) {
	mb, q := NewMailbox(0), NewQueue(1)
	q.Put(0) // full: a put waits
	cases := []struct {
		name  string
		wait  func() // blocks until Interrupt
		timed bool
	}{
		{"Sleep", func() { Sleep(time.Hour) }, true},
		{"IOWork", func() { IOWork(time.Hour) }, true},
		{"ReceiveTimeout", func() { mb.ReceiveTimeout(time.Hour) }, true},
		{"SendTimeout", func() { mb.SendTimeout(1, time.Hour) }, true},
		{"PutTimeout", func() { q.PutTimeout(1, time.Hour) }, true},
		{"ResultTimeout", func() { newFuture().ResultTimeout(time.Hour) }, true},
		{"Receive", func() { mb.Receive() }, false},
		{"Put", func() { q.Put(1) }, false},
		{"Join", func() { mainThread.Join() }, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if n := TimedWaits(); n != 0 {
				t.Fatalf("TimedWaits() = %d before the call", n)
			}
			done := make(chan struct{})
			go func() { defer close(done); c.wait() }()
			if c.timed {
				within(t, "the count", func() {
					for TimedWaits() != 1 {
						time.Sleep(time.Millisecond)
					}
				})
			} else {
				time.Sleep(20 * time.Millisecond) // time to start waiting; a wrong count shows below
				if n := TimedWaits(); n != 0 {
					t.Errorf("TimedWaits() = %d in an untimed %s", n, c.name)
				}
			}
			Interrupt()
			<-done
			if n := TimedWaits(); n != 0 {
				t.Errorf("TimedWaits() = %d after the call ended", n)
			}
		})
	}
}
