package jupyter

import (
	"context"
	"errors"
	"sync"

	"github.com/go-zeromq/zmq4"
)

// iopubHighWater is how many iopub messages may wait for slow subscribers before new ones
// are dropped, as ZeroMQ's high-water mark does.
const iopubHighWater = 10000

// outboxSize is how many encoded messages wait for a socket's writer goroutine.
const outboxSize = 256

// outbox is the one goroutine that writes to a socket, and the queue feeding it.
type outbox struct {
	name  string
	sock  zmq4.Socket
	s     *Server
	queue chan zmq4.Msg
	done  chan struct{}
	once  sync.Once
}

func newOutbox(name string, sock zmq4.Socket, s *Server) *outbox {
	return &outbox{name: name, sock: sock, s: s, queue: make(chan zmq4.Msg, outboxSize), done: make(chan struct{})}
}

// send signs m and queues it; after finish it drops m.
func (o *outbox) send(m *Message) {
	frames, err := Encode(m, o.s.signer)
	if err != nil {
		o.s.log.warn("encode "+m.Header.MsgType, "cannot encode a message", "msg_type", m.Header.MsgType, "err", err)
		return
	}
	select {
	case o.queue <- zmq4.NewMsgFrom(frames...):
	case <-o.done:
	}
}

// run writes queued messages until finish, then writes what is still queued and returns.
func (o *outbox) run() {
	for {
		select {
		case msg := <-o.queue:
			o.write(msg)
		case <-o.done:
			for {
				select {
				case msg := <-o.queue:
					o.write(msg)
				default:
					return
				}
			}
		}
	}
}

func (o *outbox) write(msg zmq4.Msg) {
	if err := o.sock.SendMulti(msg); err != nil {
		o.s.log.warn("send "+o.name, "cannot send", "socket", o.name, "err", err)
	}
}

// finish makes run return once the queue is empty.
func (o *outbox) finish() { o.once.Do(func() { close(o.done) }) }

// router is a ROUTER socket (shell, control or stdin) with its writer.
type router struct {
	name string
	sock zmq4.Socket
	out  *outbox
	s    *Server
}

func (s *Server) listenRouter(name string, port int) (*router, error) {
	sock := zmq4.NewRouter(s.socketContext(name, nil), s.zmqLogger())
	r := &router{name: name, sock: sock, out: newOutbox(name, sock, s), s: s}
	if err := listen(sock, s.conn.SocketEndpoint(port)); err != nil {
		sock.Close()
		return nil, err
	}
	return r, nil
}

// read receives, checks and decodes messages and passes the good ones to handle, until the
// socket is closed. Bad ones are logged and dropped.
func (r *router) read(handle func(*Message)) {
	r.s.receive(r.sock, r.name, func(msg zmq4.Msg) {
		m, err := Decode(msg.Frames, r.s.signer)
		if err != nil {
			r.s.log.warn("drop "+r.name+": "+errorKind(err), "dropped a message", "socket", r.name, "reason", err)
			return
		}
		handle(m)
	})
}

// receive passes each message that sock receives to handle, until sock is closed.
func (s *Server) receive(sock zmq4.Socket, name string, handle func(zmq4.Msg)) {
	for {
		msg, err := sock.Recv()
		if errors.Is(err, context.Canceled) {
			return
		}
		if err != nil {
			s.log.warn("recv "+name, "cannot receive", "socket", name, "err", err)
			continue
		}
		handle(msg)
	}
}

// errorKind names the class of a decoding error, so that repeated ones share a log limit.
func errorKind(err error) string {
	for _, known := range []error{ErrNoDelimiter, ErrTruncated, ErrMissingSignature, ErrBadSignature, ErrMissingMsgType, ErrMissingMsgID, ErrContentNotObject} {
		if errors.Is(err, known) {
			return known.Error()
		}
	}
	return "malformed"
}

// echoHeartbeats answers every heartbeat with the same bytes, on its own goroutine, so that
// a busy cell never makes the front end think the kernel died.
func (s *Server) echoHeartbeats() {
	s.receive(s.heartbeat, "heartbeat", func(msg zmq4.Msg) {
		if err := s.heartbeat.Send(msg); err != nil {
			s.log.warn("send heartbeat", "cannot send", "socket", "heartbeat", "err", err)
		}
	})
}
