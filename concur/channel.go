package concur

import "time"

// channel is what Mailbox and Queue share: messages in a Go channel, whose blocking
// operations wait with a timeout, wake on Interrupt, let go of the GIL while they wait, and
// are traced; and, for a Queue, can be closed.
type channel struct {
	name  string
	items chan any
	// closed is closed by Close; nil for a Mailbox, which never closes (a nil channel is
	// never ready in a select).
	closed chan struct{}
	// verbs name the blocking send and receive in traces ("send"/"receive", "put"/"get").
	verbs [2]string
	// moved records a message that went in (Send) or out (Receive) on the current thread.
	moved func(kind EventKind)
}

// isClosed reports whether the channel was closed.
func (c *channel) isClosed() bool { return c.closed != nil && isClosed(c.closed) }

// Name returns the name of the mailbox or queue in traces (Mailbox-1, Queue-1, …).
func (c *channel) Name() string { return c.name }

// Len returns the number of messages waiting in the buffer.
func (c *channel) Len() int { return len(c.items) }

// Cap returns the capacity: how many messages the buffer holds; 0 for a rendezvous mailbox.
func (c *channel) Cap() int { return cap(c.items) }

// trySend sends v if it can at once, and reports whether it did.
func (c *channel) trySend(v any) bool {
	if c.isClosed() {
		return false
	}
	select {
	case c.items <- v:
		c.moved(Send)
		return true
	default:
		return false
	}
}

// noTimeout makes send and receive wait for as long as it takes.
const noTimeout time.Duration = -1

// send sends v, waiting until it is taken (or buffered), the channel closes, d passes or
// Interrupt wakes it.
func (c *channel) send(v any, d time.Duration) error {
	if c.trySend(v) {
		return nil
	}
	if c.isClosed() {
		return ErrClosed
	}
	timeout, done := timedWait(d)
	return block(c.verbs[0], c.name, func(stop <-chan struct{}) error {
		defer done() // before the GIL is taken back: waiting for it is no timed wait
		select {
		case c.items <- v:
			c.moved(Send)
			return nil
		case <-c.closed:
			return ErrClosed
		case <-timeout:
			return ErrTimeout
		case <-stop:
			return ErrInterrupted
		}
	})
}

// tryReceive takes a message if there is one at once, and reports whether it did.
func (c *channel) tryReceive() (any, bool) {
	select {
	case v := <-c.items:
		c.moved(Receive)
		return v, true
	default:
		return nil, false
	}
}

// receive takes a message, waiting until there is one, the channel is closed and empty, d
// passes or Interrupt wakes it.
func (c *channel) receive(d time.Duration) (any, error) {
	if v, ok := c.tryReceive(); ok {
		return v, nil
	}
	timeout, done := timedWait(d)
	var v any
	err := block(c.verbs[1], c.name, func(stop <-chan struct{}) error {
		defer done()
		select {
		case v = <-c.items:
		case <-c.closed:
			select { // what was put before Close is still delivered
			case v = <-c.items:
			default:
				return ErrClosed
			}
		case <-timeout:
			return ErrTimeout
		case <-stop:
			return ErrInterrupted
		}
		c.moved(Receive)
		return nil
	})
	return v, err
}
