package concur

import (
	"errors"
	"time"
)

// ErrTimeout is returned by a call with a timeout that ran out before it could finish.
var ErrTimeout = errors.New("concur: timed out")

// Mailbox carries messages between threads with the send() and receive() of the operating
// systems textbook. Sending and receiving each come blocking (Send, Receive), non-blocking
// (TrySend, TryReceive) and with a timeout (SendTimeout, ReceiveTimeout), and any send
// combines with any receive. With capacity 0 the mailbox is a rendezvous: a send completes
// only when a receiver takes the message. With capacity n it buffers up to n messages, and a
// send blocks only while the buffer is full.
//
// Messages are values of any type; from a cell, send basic values (int, string, slices,
// maps) or concur's types, because yaegi cannot turn an interpreted struct back from any.
type Mailbox struct {
	channel
}

var mailboxCount = newCounterName("Mailbox")

// NewMailbox returns a mailbox that buffers capacity messages; 0 makes a rendezvous.
func NewMailbox(capacity int) *Mailbox {
	name := mailboxCount()
	return &Mailbox{channel{name: name, items: make(chan any, max(capacity, 0)), verbs: [2]string{"send", "receive"},
		moved: func(kind EventKind) { record(nil, kind, name, 0) }}}
}

// Send is the blocking send: it waits until the receiver has the message (rendezvous) or
// the buffer has room for it. It returns ErrInterrupted when Interrupt woke it before the
// message was taken.
func (m *Mailbox) Send(v any) error { return m.send(v, noTimeout) }

// SendTimeout is Send that gives up after d with ErrTimeout.
func (m *Mailbox) SendTimeout(v any, d time.Duration) error { return m.send(v, max(d, 0)) }

// TrySend is the non-blocking send: it returns at once, true if the message was taken (a
// receiver was waiting, or the buffer had room), false if not.
func (m *Mailbox) TrySend(v any) bool { return m.trySend(v) }

// Receive is the blocking receive: it waits until a message is there and returns it with a
// nil error. When Interrupt wakes it before a message came, it returns nil and
// ErrInterrupted.
func (m *Mailbox) Receive() (any, error) { return m.receive(noTimeout) }

// ReceiveTimeout is Receive that gives up after d with ErrTimeout.
func (m *Mailbox) ReceiveTimeout(d time.Duration) (any, error) { return m.receive(max(d, 0)) }

// TryReceive is the non-blocking receive: it returns at once, with a message and true, or
// with nil and false when there was none ("empty").
func (m *Mailbox) TryReceive() (any, bool) { return m.tryReceive() }
