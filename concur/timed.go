package concur

import (
	"sync/atomic"
	"time"
)

// timedWaits counts the calls that wait now on a timer of their own.
var timedWaits atomic.Int64

// TimedWaits returns how many concur calls wait now on a timer of their own — Sleep, IOWork,
// and the Timeout variants of send, receive, put, get and Result — and so end by themselves
// when their time is up. A deadlock check counts them as pending timers: goroutines that all
// wait, some of them in a timed wait, are not deadlocked. (Waits for the GIL are not timed
// waits in this sense: a waiter's switch interval runs out again and again while the holder
// is stuck.)
func TimedWaits() int { return int(timedWaits.Load()) }

// timedWait returns a channel that fires after d, counted in TimedWaits until the func it
// returns is called (which stops the timer). A negative d is no timeout: the channel never
// fires and nothing is counted.
func timedWait(d time.Duration) (<-chan time.Time, func()) {
	if d < 0 {
		return nil, func() {}
	}
	timer := time.NewTimer(d)
	timedWaits.Add(1)
	return timer.C, func() {
		timer.Stop()
		timedWaits.Add(-1)
	}
}
