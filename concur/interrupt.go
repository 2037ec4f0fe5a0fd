package concur

import (
	"errors"
	"sync/atomic"
)

// ErrInterrupted is returned by a blocking call that Interrupt woke up.
var ErrInterrupted = errors.New("concur: interrupted")

// interruption is closed by Interrupt; every blocking call selects on the one that was current
// when it began.
var interruption atomic.Pointer[chan struct{}]

func init() {
	ch := make(chan struct{})
	interruption.Store(&ch)
}

// interrupted returns the channel that the next Interrupt closes.
func interrupted() <-chan struct{} {
	return *interruption.Load()
}

// Interrupt wakes every concur call that is blocked — mailbox and queue operations, GIL waits,
// future waits, joins, pool waits, locks and sleeps — and makes it return ErrInterrupted; a
// call that had already done its work (a message delivered, a lock taken) returns as usual,
// and a thread that Interrupt kept from taking its GIL back goes on without it. Pools stop their
// workers, and CPU workloads stop at their next unit of work, so no goroutine that concur
// started is left behind once the user's funcs return. Calls made after Interrupt work as
// usual; pools made before it are closed for good, and the processes of real process pools
// (StartProcesses) are killed before Interrupt returns. The kernel calls it when the user
// presses Interrupt.
func Interrupt() {
	fresh := make(chan struct{})
	old := interruption.Swap(&fresh)
	close(*old)
	livePools.endAll()
}

// isClosed reports whether ch has been closed, without blocking.
func isClosed(ch <-chan struct{}) bool {
	select {
	case <-ch:
		return true
	default:
		return false
	}
}
