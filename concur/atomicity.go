package concur

import (
	"cmp"
	"errors"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
)

// List is a list of ints shared between threads, modelled on a CPython list. Like a Python
// list under the GIL, each of its methods but SortStepwise and SortKey runs without a GIL
// check in the middle, so no thread of the same GIL cuts in.
//
// Sorting works as CPython's list.sort does it: while the list sorts, it appears empty to
// other threads (CPython moves the items out and leaves an empty list behind), and whatever
// another thread does to it meanwhile is thrown away at the end, where the sort reports
// ErrModifiedDuringSort (Python's ValueError "list modified during sort"). Sort, of plain
// ints, runs no Python code and so never lets another thread of its GIL run: under the GIL it
// is atomic, and only threads without a GIL (Go) can see the empty list. SortKey calls a key
// function for each item, which in CPython is Python code: other threads may run between
// calls, mid-sort, and see the list empty. SortStepwise sorts the way a thread would by hand,
// one swap at a time, letting other threads run between swaps — and they see it half sorted.
type List struct {
	mu     sync.Mutex
	values []int
	// changes counts the changes made by Append, so that a sort sees those made while it ran.
	changes int
}

// ErrModifiedDuringSort is the error of a sort during which another thread changed the list;
// the change is lost, as in CPython.
var ErrModifiedDuringSort = errors.New("concur: list modified during sort")

// NewList returns a list holding a copy of values.
func NewList(values []int) *List { return &List{values: slices.Clone(values)} }

// Values returns a copy of the list's values, taken atomically.
func (l *List) Values() []int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.Clone(l.values)
}

// Len returns the number of values.
func (l *List) Len() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.values)
}

// Append adds v at the end, atomically. During a sort it goes into the empty list that others
// see, and the sort throws it away.
func (l *List) Append(v int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.values = append(l.values, v)
	l.changes++
}

// Sort sorts the list in increasing order, as CPython's list.sort() sorts ints: the list is
// empty to other threads meanwhile, and no GIL check happens, so under a GIL no other thread
// of it runs. It returns ErrModifiedDuringSort when a thread without the GIL changed the list
// meanwhile.
func (l *List) Sort() error {
	return l.sortBy(func(v int) int { return v }, func() error { return nil })
}

// SortKey sorts the list stably by key(v), as list.sort(key=…) does: it calls key once per
// item, and between calls the calling thread offers its GIL (GIL.Checkpoint), as CPython's
// eval loop does while it runs a Python key function. So other threads may run mid-sort; they
// see the list empty, and what they append is lost: SortKey then returns
// ErrModifiedDuringSort. It returns ErrInterrupted, leaving the list as it was, when Interrupt
// stopped it while it computed the keys; a panic in key also leaves the list as it was.
func (l *List) SortKey(key func(int) int) error {
	gil := Current().gil
	stop := interrupted()
	return l.sortBy(key, func() error {
		gil.Checkpoint()
		if isClosed(stop) {
			return ErrInterrupted
		}
		return nil
	})
}

// sortBy sorts the list by key, calling between after each key and stopping with its error,
// with the items out of the list meanwhile. Whatever happens, the list holds its items again
// afterwards: sorted, or as they were if key panicked or between failed.
func (l *List) sortBy(key func(int) int, between func() error) (err error) {
	l.mu.Lock()
	items, changes := l.values, l.changes
	l.values = nil
	l.mu.Unlock()
	sorted := items
	defer func() {
		l.mu.Lock()
		if l.changes != changes && err == nil {
			err = ErrModifiedDuringSort
		}
		l.values = sorted
		l.mu.Unlock()
	}()
	keyed := make([]struct{ key, value int }, len(items))
	for i, v := range items {
		keyed[i].key, keyed[i].value = key(v), v
		if err := between(); err != nil {
			return err
		}
	}
	slices.SortStableFunc(keyed, func(a, b struct{ key, value int }) int { return cmp.Compare(a.key, b.key) })
	out := make([]int, len(items))
	for i, k := range keyed {
		out[i] = k.value
	}
	sorted = out
	return nil
}

// IsSorted reports whether the list is sorted now.
func (l *List) IsSorted() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.IsSorted(l.values)
}

// SortStepwise sorts the list by insertion, one swap per step, and lets other threads run
// between steps (offering the GIL and yielding the processor). Readers in between see a
// partly sorted list. It returns ErrInterrupted, leaving the list partly sorted, when
// Interrupt stopped it.
func (l *List) SortStepwise() error {
	gil := Current().gil
	stop := interrupted()
	for i := 1; i < l.Len(); i++ {
		for j := i; j > 0 && l.swapIfLess(j); j-- {
			gil.Checkpoint()
			runtime.Gosched()
			if isClosed(stop) {
				return ErrInterrupted
			}
		}
	}
	return nil
}

// swapIfLess swaps values j-1 and j if they are out of order, and reports whether it did.
func (l *List) swapIfLess(j int) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.values[j] >= l.values[j-1] {
		return false
	}
	l.values[j], l.values[j-1] = l.values[j-1], l.values[j]
	return true
}

// Counter counts in three ways, to show lost updates and their fixes. UnsafeInc reads the
// count, lets other threads run, then writes the count plus one: threads incrementing at
// once overwrite each other's updates, and the total comes out short (under a GIL, whenever
// the GIL passes to another incrementing thread between a read and its write).
// LockedInc does the same under a lock, AtomicInc in one atomic instruction; both are exact.
type Counter struct {
	n  atomic.Int64
	mu sync.Mutex
}

// UnsafeInc adds one the unsafe way: read, switch, write.
func (c *Counter) UnsafeInc() {
	v := c.n.Load()
	Current().gil.Checkpoint()
	runtime.Gosched()
	c.n.Store(v + 1)
}

// LockedInc adds one with the read and write under a lock.
func (c *Counter) LockedInc() {
	c.mu.Lock()
	defer c.mu.Unlock()
	v := c.n.Load()
	runtime.Gosched()
	c.n.Store(v + 1)
}

// AtomicInc adds one atomically.
func (c *Counter) AtomicInc() { c.n.Add(1) }

// Value returns the count.
func (c *Counter) Value() int { return int(c.n.Load()) }

// Reset sets the count to zero.
func (c *Counter) Reset() { c.n.Store(0) }

// Lock is a mutual-exclusion lock whose waits show in traces and that Interrupt can wake.
// A thread waiting for it lets go of its GIL.
type Lock struct {
	name string
	ch   chan struct{}
}

var lockCount = newCounterName("Lock")

// NewLock returns an unlocked lock.
func NewLock() *Lock { return &Lock{name: lockCount(), ch: make(chan struct{}, 1)} }

// Lock takes the lock, waiting while another thread holds it. It returns ErrInterrupted,
// without the lock, when Interrupt woke it.
func (l *Lock) Lock() error {
	if l.TryLock() {
		return nil
	}
	return block("lock", l.name, func(stop <-chan struct{}) error {
		select {
		case l.ch <- struct{}{}:
			return nil
		case <-stop:
			return ErrInterrupted
		}
	})
}

// TryLock takes the lock if it is free, and reports whether it did.
func (l *Lock) TryLock() bool {
	select {
	case l.ch <- struct{}{}:
		return true
	default:
		return false
	}
}

// Unlock lets the lock go. Unlocking an unlocked lock panics, as with sync.Mutex.
func (l *Lock) Unlock() {
	select {
	case <-l.ch:
	default:
		panic("concur: unlock of unlocked lock")
	}
}
