package concur

import (
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
)

// List is a list of ints shared between threads. Like a Python list under the GIL, each of
// its methods but SortStepwise is atomic: Sort sorts in one step, so other threads never see
// the list half sorted. SortStepwise sorts it the way a thread would by hand, one swap at a
// time, letting other threads run between swaps — and they see it half sorted.
type List struct {
	mu     sync.Mutex
	values []int
}

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

// Append adds v at the end, atomically.
func (l *List) Append(v int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.values = append(l.values, v)
}

// Sort sorts the list atomically: no thread sees it partly sorted.
func (l *List) Sort() {
	l.mu.Lock()
	defer l.mu.Unlock()
	slices.Sort(l.values)
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
