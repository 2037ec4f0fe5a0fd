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
	name string
	ch   chan any
}

var mailboxCount = newCounterName("Mailbox")

// NewMailbox returns a mailbox that buffers capacity messages; 0 makes a rendezvous.
func NewMailbox(capacity int) *Mailbox {
	return &Mailbox{name: mailboxCount(), ch: make(chan any, max(capacity, 0))}
}

// Name returns the mailbox's name in traces (Mailbox-1, …).
func (m *Mailbox) Name() string { return m.name }

// Len returns the number of messages waiting in the buffer.
func (m *Mailbox) Len() int { return len(m.ch) }

// Cap returns the mailbox's capacity; 0 for a rendezvous.
func (m *Mailbox) Cap() int { return cap(m.ch) }

// Send is the blocking send: it waits until the receiver has the message (rendezvous) or
// the buffer has room for it. It returns ErrInterrupted when Interrupt woke it.
func (m *Mailbox) Send(v any) error {
	return m.send(v, nil)
}

// SendTimeout is Send that gives up after d with ErrTimeout.
func (m *Mailbox) SendTimeout(v any, d time.Duration) error {
	timer := time.NewTimer(d)
	defer timer.Stop()
	return m.send(v, timer.C)
}

// TrySend is the non-blocking send: it returns at once, true if the message was taken (a
// receiver was waiting, or the buffer had room), false if not.
func (m *Mailbox) TrySend(v any) bool {
	select {
	case m.ch <- v:
		record(nil, Send, m.name, 0)
		return true
	default:
		return false
	}
}

func (m *Mailbox) send(v any, timeout <-chan time.Time) error {
	if m.TrySend(v) {
		return nil
	}
	b := beginBlock("send", m.name)
	var err error
	select {
	case m.ch <- v:
	case <-timeout:
		err = ErrTimeout
	case <-interrupted():
		err = ErrInterrupted
	}
	err = endBlock(b, err)
	if err == nil {
		record(b.thread, Send, m.name, 0)
	}
	return err
}

// Receive is the blocking receive: it waits until a message is there and returns it, or
// returns nil and ErrInterrupted when Interrupt woke it.
func (m *Mailbox) Receive() (any, error) {
	return m.receive(nil)
}

// ReceiveTimeout is Receive that gives up after d with ErrTimeout.
func (m *Mailbox) ReceiveTimeout(d time.Duration) (any, error) {
	timer := time.NewTimer(d)
	defer timer.Stop()
	return m.receive(timer.C)
}

// TryReceive is the non-blocking receive: it returns at once, with a message and true, or
// with nil and false when there was none ("empty").
func (m *Mailbox) TryReceive() (any, bool) {
	select {
	case v := <-m.ch:
		record(nil, Receive, m.name, 0)
		return v, true
	default:
		return nil, false
	}
}

func (m *Mailbox) receive(timeout <-chan time.Time) (any, error) {
	if v, ok := m.TryReceive(); ok {
		return v, nil
	}
	b := beginBlock("receive", m.name)
	var v any
	var err error
	select {
	case v = <-m.ch:
	case <-timeout:
		err = ErrTimeout
	case <-interrupted():
		err = ErrInterrupted
	}
	if err = endBlock(b, err); err == nil {
		record(b.thread, Receive, m.name, 0)
	}
	return v, err
}
