package jupyter

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"unicode/utf8"
)

// readPolicy is what a socket's connections check and report of the bytes their peers send.
type readPolicy struct {
	// maxMessage bounds each frame and each message (its frames together), in bytes.
	maxMessage uint64
	// dropped is told of a connection closed because its peer broke the bound.
	dropped func(peer net.Addr, err error)
	// subscribed, when set, is told of each subscription a peer makes, once zmq4 has
	// registered it, so that a message published then reaches that peer.
	subscribed func(topic []byte)
}

// maxWelcomedTopic bounds the subscriptions that subscribed is told of: a longer one works,
// but is not echoed to every subscriber in a welcome.
const maxWelcomedTopic = 1 << 10

// errTooLarge is what a connection is dropped for when its peer sends more than the bound.
var errTooLarge = errors.New("too large")

type readPolicyKey struct{}

// withReadPolicy returns ctx carrying p to the connections of the sockets made with it:
// zmq4 hands a socket's context to the transport that listens or dials.
func withReadPolicy(ctx context.Context, p readPolicy) context.Context {
	return context.WithValue(ctx, readPolicyKey{}, p)
}

// readPolicyOf returns the policy ctx carries; without one (kernel/client's sockets),
// messages are bounded at DefaultMaxMessageBytes and nothing is reported.
func readPolicyOf(ctx context.Context) readPolicy {
	p, ok := ctx.Value(readPolicyKey{}).(readPolicy)
	if !ok {
		p.maxMessage = DefaultMaxMessageBytes
	}
	if p.dropped == nil {
		p.dropped = func(net.Addr, error) {}
	}
	return p
}

// inbound follows the byte stream a peer sends, checks each frame and message against the
// policy's bound, and notices subscriptions (single-frame messages \x01 topic, which zmq4's
// SUB sockets and libzmq's with a ZMTP 3.0 peer send).
type inbound struct {
	policy  readPolicy
	stream  frameTracker
	more    bool   // the frame before ended with the more flag: a message goes on
	message uint64 // body bytes of the current message so far
	// topic collects the body of a frame that may be a subscription; watching says one is.
	topic    []byte
	watching bool
	// ready holds the subscriptions whose last byte has been read but not yet passed to
	// subscribed: zmq4 registers one when it has its whole message, before it reads again.
	ready [][]byte
}

func newInbound(policy readPolicy) *inbound {
	in := &inbound{policy: policy, stream: frameTracker{greeting: greetingSize}}
	in.stream.watch = in
	return in
}

// check follows p, the next bytes read, and returns an error for a frame or message over
// the bound.
func (in *inbound) check(p []byte) error {
	_, err := in.stream.advance(p)
	return err
}

// passed tells subscribed of the subscriptions read before; zmq4 reads again only once it
// has registered them.
func (in *inbound) passed() {
	for _, topic := range in.ready {
		in.policy.subscribed(topic)
	}
	in.ready = nil
}

func (in *inbound) header(flags byte, size uint64) error {
	first := !in.more
	if first {
		in.message = 0
	}
	in.more = flags&flagMore != 0 && flags&flagCommand == 0
	if size > in.policy.maxMessage {
		return fmt.Errorf("%w: a frame of %d bytes announced, more than the %d allowed", errTooLarge, size, in.policy.maxMessage)
	}
	if in.message += size; in.message > in.policy.maxMessage {
		return fmt.Errorf("%w: a message of %d bytes or more, more than the %d allowed", errTooLarge, in.message, in.policy.maxMessage)
	}
	in.watching = in.policy.subscribed != nil && first && flags&(flagMore|flagCommand) == 0 && size > 0 && size-1 <= maxWelcomedTopic
	in.topic = in.topic[:0]
	return nil
}

func (in *inbound) body(p []byte, end bool) {
	if !in.watching {
		return
	}
	in.topic = append(in.topic, p...)
	if end {
		in.watching = false
		if topic, ok := bytes.CutPrefix(in.topic, []byte{1}); ok && utf8.Valid(topic) {
			in.ready = append(in.ready, bytes.Clone(topic))
		}
	}
}
