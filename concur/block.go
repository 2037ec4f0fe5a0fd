package concur

import (
	"strings"
	"time"
)

// shortestBlockTraced is the shortest block that a trace records: shorter ones are
// invisible on a timeline in milliseconds, and leaving them out keeps tracing cheap.
const shortestBlockTraced = 20 * time.Microsecond

// block makes the calling thread wait in wait, a blocking call that verbs the thing called
// name ("receive", "Mailbox-1"). The thread lets go of its GIL while wait runs (see
// withoutGIL), and the wait shows in traces.
func block(verb, name string, wait func(stop <-chan struct{}) error) error {
	return withoutGIL(func(me *Thread, stop <-chan struct{}) error {
		t := activeTrace.Load()
		var began time.Duration
		if t != nil {
			began = t.clock()
		}
		err := wait(stop)
		if t != nil && activeTrace.Load() == t { // a trace stopped meanwhile records no more
			if ended := t.clock(); ended-began >= shortestBlockTraced {
				t.recordSpan(me, Block, Unblock, strings.TrimSpace(verb+" "+name), began, ended)
			}
		}
		return err
	})
}

// withoutGIL runs f on the calling thread after it lets go of its GIL, if it holds one, as
// CPython's Py_BEGIN_ALLOW_THREADS does; f gets the thread and stop, the interruption current
// when the call began, and should return ErrInterrupted when stop closes.
//
// Afterwards the thread queues for its GIL again, unless stop closes first: then it goes on
// without it (as after Checkpoint) so that Interrupt wakes it even while another thread
// keeps the GIL. A call whose f succeeded still returns nil then: what it did (a message
// delivered, a lock taken) stands.
func withoutGIL(f func(me *Thread, stop <-chan struct{}) error) error {
	me := Current()
	stop := interrupted()
	heldGIL := me.gil != nil && me.isOwnGoroutine() && me.gil.release(me)
	err := f(me, stop)
	if heldGIL {
		_ = me.gil.acquire(me, stop) // interrupted: the thread goes on without the GIL
	}
	return err
}
