package concur

import (
	"sync/atomic"
	"time"
)

// ProgressReporter shows the progress of a long batch: Add(n) says n more items are
// finished, Done that the batch is over.
type ProgressReporter interface {
	Add(n int)
	Done()
}

// progressAfter is how long a batch runs before it reports progress.
const progressAfter = 500 * time.Millisecond

var progressReporter atomic.Pointer[func(title string, total int) ProgressReporter]

// SetProgressReporter sets the func that pools call for a batch (Map, MapSlices) that has
// run longer than half a second: it returns a reporter for a batch of total items, which the
// pool then keeps informed. The kernel sets it to a live progress bar; nil means none.
func SetProgressReporter(f func(title string, total int) ProgressReporter) {
	if f == nil {
		progressReporter.Store(nil)
		return
	}
	progressReporter.Store(&f)
}

// waitBatch waits until done is closed, reporting progress (count of total) once the batch
// has run longer than progressAfter. It returns ErrInterrupted when Interrupt woke it or
// stop (the interruption its pool belongs to) is closed.
func waitBatch(done, stop <-chan struct{}, title string, total int, count func() int) error {
	return block("wait for", title, func(interrupt <-chan struct{}) error {
		after := time.NewTimer(progressAfter)
		defer after.Stop()
		var reporter ProgressReporter
		var ticks <-chan time.Time
		reported := 0
		report := func() {
			n := count()
			reporter.Add(n - reported)
			reported = n
		}
		for {
			var err error
			select {
			case <-done:
			case <-interrupt:
				err = ErrInterrupted
			case <-stop:
				err = ErrInterrupted
			case <-after.C:
				if f := progressReporter.Load(); f != nil {
					reporter = (*f)(title, total)
					ticker := time.NewTicker(100 * time.Millisecond)
					defer ticker.Stop()
					ticks = ticker.C
					report()
				}
				continue
			case <-ticks:
				report()
				continue
			}
			if reporter != nil {
				report()
				reporter.Done()
			}
			return err
		}
	})
}
