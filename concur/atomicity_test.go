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

// sortUnderGIL sorts a reversed list of n with sort on a thread of a GIL, while another thread
// of the GIL, queued before the sort began, looks at the list and appends to it as soon as it
// runs. It returns what the looker saw (the list's length), the sort's error and the list.
func sortUnderGIL(t *testing.T, n int, sort func(*List) error) (seen int, err error, after []int) {
	t.Helper()
	g := NewGIL(time.Nanosecond) // the looker asks for the GIL at once
	l := NewList(reversed(n))
	holding, begin := make(chan struct{}), make(chan struct{})
	sorter := g.GoNamed("sorter", func() {
		close(holding)
		<-begin // holds the GIL until the looker waits for it
		err = sort(l)
	})
	<-holding
	looker := g.GoNamed("looker", func() { seen = l.Len(); l.Append(-1) })
	awaitWaiters(t, g, 1)
	close(begin)
	sorter.Join()
	looker.Join()
	return seen, err, l.Values()
}

func TestListSortAsCPythonDoesIt(t *testing.T) {
	const n = 50
	sorted := reversed(n)
	slices.Sort(sorted)
	cases := []struct {
		name     string
		sort     func(*List) error
		midSort  bool // whether the looker runs during the sort
		wantSeen int
	}{
		// Sort runs no GIL check: the looker runs only after the sorter's thread ends.
		{"Sort", (*List).Sort, false, n},
		// A key function that lets the GIL go (here by a zero sleep, as Python code may at any
		// bytecode) lets the looker run mid-sort: it sees the list empty, and its append is lost.
		{"SortKey", func(l *List) error { return l.SortKey(func(v int) int { Sleep(0); return v }) }, true, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			seen, err, after := sortUnderGIL(t, n, c.sort)
			if seen != c.wantSeen {
				t.Errorf("the other thread saw %d values, want %d", seen, c.wantSeen)
			}
			want, wantErr := append(slices.Clone(sorted), -1), error(nil)
			if c.midSort {
				want, wantErr = sorted, ErrModifiedDuringSort
			}
			if err != wantErr || !slices.Equal(after, want) {
				t.Errorf("sort = %v, list %v; want %v, %v", err, after, wantErr, want)
			}
		})
	}
}

func TestListSortKey(t *testing.T) {
	l := NewList([]int{5, 3, 4, 6, 1, 2})
	if err := l.SortKey(func(v int) int { return v % 3 }); err != nil {
		t.Fatal(err)
	}
	if got, want := l.Values(), []int{3, 6, 4, 1, 5, 2}; !slices.Equal(got, want) {
		t.Errorf("SortKey by v%%3 = %v, want %v (stable)", got, want)
	}

	original := []int{3, 1, 2}
	l = NewList(original)
	calls := 0
	err := l.SortKey(func(v int) int {
		if calls++; calls == 2 {
			Interrupt()
		}
		return v
	})
	if err != ErrInterrupted || !slices.Equal(l.Values(), original) {
		t.Errorf("interrupted SortKey = %v, list %v; want ErrInterrupted and %v", err, l.Values(), original)
	}

	func() {
		defer func() {
			if recover() == nil {
				t.Error("the key's panic did not reach the caller")
			}
		}()
		l.SortKey(func(int) int { panic("bad key") })
	}()
	if !slices.Equal(l.Values(), original) {
		t.Errorf("after a panicking key the list is %v, want %v", l.Values(), original)
	}
}
