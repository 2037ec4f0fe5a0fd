package concur

import (
	"slices"
	"testing"
	"time"
)

func reversed(n int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = n - i
	}
	return s
}

// sortWatched sorts a reversed list of n with sort on a thread while this goroutine looks at
// it, and reports whether it ever saw the list partly sorted.
func sortWatched(t *testing.T, n int, sort func(*List) error) (partSeen bool) {
	t.Helper()
	l := NewList(reversed(n))
	done := make(chan struct{})
	sorter := Go(func() { sort(l); close(done) })
	for running := true; running; {
		select {
		case <-done:
			running = false
		default:
		}
		v := l.Values()
		if !slices.IsSorted(v) && !slices.Equal(v, reversed(n)) {
			partSeen = true
		}
	}
	sorter.Join()
	if !l.IsSorted() || l.Len() != n {
		t.Fatal("not sorted")
	}
	return partSeen
}

func TestListSortAtomicVersusStepwise(t *testing.T) {
	for range 5 {
		if sortWatched(t, 200, func(l *List) error { l.Sort(); return nil }) {
			t.Fatal("saw the list partly sorted during the atomic Sort")
		}
	}
	// A busy machine may let the stepwise sort finish before the watcher looks: a few tries.
	seen := false
	for try := 0; try < 10 && !seen; try++ {
		seen = sortWatched(t, 200, (*List).SortStepwise)
	}
	if !seen {
		t.Error("never saw the list partly sorted during SortStepwise, in 10 tries")
	}
	l := NewList(nil)
	l.Append(1)
	if l.Len() != 1 {
		t.Error("Append")
	}
}

func TestCounterLostUpdates(t *testing.T) {
	const threads, each = 4, 2000
	tests := []struct {
		name  string
		inc   func(*Counter)
		exact bool
	}{
		{"unsafe", (*Counter).UnsafeInc, false},
		{"locked", (*Counter).LockedInc, true},
		{"atomic", (*Counter).AtomicInc, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var c Counter
			var ts []*Thread
			for range threads {
				ts = append(ts, Go(func() {
					for range each {
						tt.inc(&c)
					}
				}))
			}
			for _, th := range ts {
				th.Join()
			}
			if exact := c.Value() == threads*each; exact != tt.exact {
				t.Errorf("count %d of %d", c.Value(), threads*each)
			}
			c.Reset()
			if c.Value() != 0 {
				t.Error("Reset")
			}
		})
	}
}

func TestUnsafeIncLosesUpdatesUnderGIL(t *testing.T) {
	const each = 5000
	g := NewGIL(1)
	var c Counter
	start := NewQueue(1)
	inc := func() {
		start.Get() // lets go of the GIL until Close wakes both threads at once
		for range each {
			c.UnsafeInc()
		}
	}
	a, b := g.Go(inc), g.Go(inc)
	for len(g.Stats().Threads) < 2 { // both threads have had the GIL and wait in Get
		time.Sleep(time.Millisecond)
	}
	start.Close()
	a.Join()
	b.Join()
	if c.Value() >= 2*each {
		t.Errorf("no update lost under a GIL that switches between read and write: %d", c.Value())
	}
}

func TestLock(t *testing.T) {
	l := NewLock()
	if err := l.Lock(); err != nil || l.TryLock() {
		t.Fatal("lock")
	}
	got := make(chan bool)
	th := Go(func() { l.Lock(); got <- true; l.Unlock() })
	l.Unlock()
	<-got
	th.Join()
	defer func() {
		if recover() == nil {
			t.Error("unlock of unlocked lock did not panic")
		}
	}()
	l.Unlock()
}

func TestSortStepwiseStopsAtInterrupt(t *testing.T) {
	l := NewList(reversed(3000))
	started, result := make(chan struct{}), make(chan error, 1)
	sorter := Go(func() { close(started); result <- l.SortStepwise() })
	<-started
	Interrupt()
	if err := waitFor(t, "SortStepwise", result); err != ErrInterrupted || l.IsSorted() {
		t.Errorf("SortStepwise = %v, sorted %v; want ErrInterrupted and a partly sorted list", err, l.IsSorted())
	}
	sorter.Join()
}
