package concur

import (
	"errors"
	"testing"
	"time"
)

func TestQueueCloseSemantics(t *testing.T) {
	tests := []struct {
		name    string
		before  []int // put before Close
		wantGot []int // gets that succeed after Close
	}{
		{"empty", nil, nil},
		{"drains what is left", []int{1, 2}, []int{1, 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := NewQueue(4)
			for _, v := range tt.before {
				if err := q.Put(v); err != nil {
					t.Fatal(err)
				}
			}
			q.Close()
			q.Close()
			if err := q.Put(9); !errors.Is(err, ErrClosed) {
				t.Errorf("Put after Close = %v", err)
			}
			if q.TryPut(9) {
				t.Error("TryPut after Close succeeded")
			}
			for _, want := range tt.wantGot {
				if v, err := q.Get(); v != want || err != nil {
					t.Fatalf("Get = %v, %v; want %d", v, err, want)
				}
			}
			if _, err := q.Get(); !errors.Is(err, ErrClosed) {
				t.Errorf("Get on closed empty queue = %v", err)
			}
		})
	}
}

func TestQueueCloseWakesBlockedCalls(t *testing.T) {
	q := NewQueue(1)
	q.Put(0)
	full := Go(func() {
		if err := q.Put(1); !errors.Is(err, ErrClosed) {
			t.Errorf("blocked Put = %v", err)
		}
	})
	empty := NewQueue(1)
	getter := Go(func() {
		if _, err := empty.Get(); !errors.Is(err, ErrClosed) {
			t.Errorf("blocked Get = %v", err)
		}
	})
	time.Sleep(10 * time.Millisecond)
	q.Close()
	empty.Close()
	full.Join()
	getter.Join()
}

func TestQueueNonBlockingAndTimeouts(t *testing.T) {
	q := NewQueue(1)
	if _, ok := q.TryGet(); ok {
		t.Error("TryGet on empty")
	}
	if _, err := q.GetTimeout(time.Millisecond); !errors.Is(err, ErrTimeout) {
		t.Error(err)
	}
	if !q.TryPut(1) || q.TryPut(2) || q.Len() != 1 || q.Cap() != 1 {
		t.Error("TryPut on bounded queue")
	}
	if err := q.PutTimeout(2, time.Millisecond); !errors.Is(err, ErrTimeout) {
		t.Error(err)
	}
	if v, ok := q.TryGet(); !ok || v != 1 {
		t.Error(v, ok)
	}
	if got := len(q.Depths()); got != 2 {
		t.Errorf("%d depth points, want 2", got)
	}
}

func TestTopicFansOut(t *testing.T) {
	topic := NewTopic()
	a, b := topic.Subscribe(4), topic.Subscribe(4)
	for i := range 3 {
		if err := topic.Publish(i); err != nil {
			t.Fatal(err)
		}
	}
	topic.Close()
	for _, q := range []*Queue{a, b} {
		for i := range 3 {
			if v, err := q.Get(); v != i || err != nil {
				t.Fatal(v, err)
			}
		}
		if _, err := q.Get(); !errors.Is(err, ErrClosed) {
			t.Fatal(err)
		}
	}
	if err := topic.Publish(1); !errors.Is(err, ErrClosed) {
		t.Error(err)
	}
	if _, err := topic.Subscribe(1).Get(); !errors.Is(err, ErrClosed) {
		t.Error(err)
	}
}

func TestPeakShavingAbsorbsBurst(t *testing.T) {
	q, err := PeakShaving(20, 20, time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	peak, last := 0, -1
	for _, p := range q.Depths() {
		peak = max(peak, p.Depth)
		last = p.Depth
	}
	if peak < 10 || last != 0 {
		t.Errorf("peak %d, last %d: want a high peak drained to 0", peak, last)
	}
}
