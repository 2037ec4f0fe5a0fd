package jupyter

import (
	"bufio"
	"context"
	"net"
	"sync"

	"github.com/go-zeromq/zmq4"
	"github.com/go-zeromq/zmq4/transport"
)

// The zmq4 transports of the kernel's and the client's sockets, over tcp and over unix
// sockets (Jupyter's ipc). They speak plain ZMTP, so peers see no difference, but:
//   - zmq4 writes each frame's header and body separately (a ROUTER socket even frame by
//     frame): these connections send whole messages, each write holding all the messages
//     written since the last (a status and the execute_input after it, say), which divides
//     the system calls and tcp segments of Jupyter messages by ten or so;
//   - zmq4 reads in as many small reads, and allocates a frame's body from the length its
//     header announces: these connections read through a buffer and check every frame and
//     message against a bound before zmq4 sees its header (see inbound.go);
//   - they tell the iopub socket of the subscriptions its peers make (see inbound.go).
const (
	transportTCP = "tcp+concurlab"
	transportIPC = "ipc+concurlab"
)

func init() {
	for name, network := range map[string]string{transportTCP: "tcp", transportIPC: "unix"} {
		if err := zmq4.RegisterTransport(name, zmtpTransport{transport.New(network)}); err != nil {
			panic(err)
		}
	}
}

// SocketEndpoint returns the address on which this package's and kernel/client's sockets
// listen or dial for port: Endpoint's, over this package's transport of the same network.
func (c ConnectionInfo) SocketEndpoint(port int) string {
	ep := c.Endpoint(port)
	if c.Transport == "ipc" {
		return transportIPC + ep[len("ipc"):]
	}
	return transportTCP + ep[len("tcp"):]
}

// zmtpTransport is a network whose connections are batchedConns. The policy they read by
// comes from the context of the socket (withReadPolicy).
type zmtpTransport struct{ transport.Transport }

func (t zmtpTransport) Dial(ctx context.Context, d transport.Dialer, addr string) (net.Conn, error) {
	conn, err := t.Transport.Dial(ctx, d, addr)
	if err != nil {
		return nil, err
	}
	return newBatchedConn(conn, readPolicyOf(ctx)), nil
}

func (t zmtpTransport) Listen(ctx context.Context, addr string) (net.Listener, error) {
	l, err := t.Transport.Listen(ctx, addr)
	if err != nil {
		return nil, err
	}
	return zmtpListener{l, readPolicyOf(ctx)}, nil
}

// zmtpListener accepts batchedConns.
type zmtpListener struct {
	net.Listener
	policy readPolicy
}

func (l zmtpListener) Accept() (net.Conn, error) {
	conn, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	return newBatchedConn(conn, l.policy), nil
}

// ZMTP 3 framing.
const (
	greetingSize = 64
	flagMore     = 0x01
	flagLong     = 0x02
	flagCommand  = 0x04
	// flushSize bounds what a batch holds before it is written, so that a large message
	// is not copied whole.
	flushSize = 64 << 10
)

// batchedConn reads through a buffer, checking what it reads (inbound), and holds what is
// written until a whole ZMTP message (the greeting, a command, or the last frame of a
// message) has been written. It then has the batch sent by a goroutine of its own, so that
// the messages written meanwhile (zmq4's writer goes on with its queue) join the same write.
// It follows the framing of the bytes written to know where messages end.
type batchedConn struct {
	net.Conn
	r  *bufio.Reader
	in *inbound
	// schedule runs a flush of the batch later, on another goroutine.
	schedule func(flush func())

	// mu keeps Write as safe for concurrent use as a net.Conn's, and the batches in order.
	mu      sync.Mutex
	batch   []byte
	frame   frameTracker
	pending bool  // a flush is scheduled
	err     error // the first failed write's: the connection is broken
}

func newBatchedConn(conn net.Conn, policy readPolicy) *batchedConn {
	return &batchedConn{
		Conn:     conn,
		r:        bufio.NewReaderSize(conn, 32<<10),
		in:       newInbound(policy),
		schedule: func(flush func()) { go flush() },
		frame:    frameTracker{greeting: greetingSize},
	}
}

// Read reads what the peer sent, unless it breaks the read policy: then it closes the
// connection and returns an error that makes zmq4 drop it, before zmq4 has seen the header
// that announced too much.
func (c *batchedConn) Read(p []byte) (int, error) {
	c.in.passed()
	n, err := c.r.Read(p)
	if bad := c.in.check(p[:n]); bad != nil {
		c.in.policy.dropped(c.RemoteAddr(), bad)
		c.Conn.Close()
		return 0, &net.OpError{Op: "read", Net: c.LocalAddr().Network(), Source: c.LocalAddr(), Addr: c.RemoteAddr(), Err: bad}
	}
	return n, err
}

// Write adds p to the batch. A batch that reaches flushSize is sent at once; one that ends
// a message is sent soon, by the flush it schedules. The error of a failed send is returned
// by every later Write.
func (c *batchedConn) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.err != nil {
		return 0, c.err
	}
	c.batch = append(c.batch, p...)
	atEnd, _ := c.frame.advance(p) // what is written has no watcher
	if len(c.batch) >= flushSize {
		if err := c.sendLocked(); err != nil {
			return 0, err
		}
		return len(p), nil
	}
	if atEnd && !c.pending {
		c.pending = true
		c.schedule(c.flush)
	}
	return len(p), nil
}

// flush sends the batch.
func (c *batchedConn) flush() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.pending = false
	_ = c.sendLocked()
}

// sendLocked writes the batch to the connection. The caller holds mu.
func (c *batchedConn) sendLocked() error {
	if c.err != nil || len(c.batch) == 0 {
		return c.err
	}
	_, c.err = c.Conn.Write(c.batch)
	c.batch = c.batch[:0]
	return c.err
}

// Close sends what is batched, then closes the connection.
func (c *batchedConn) Close() error {
	c.mu.Lock()
	_ = c.sendLocked()
	c.mu.Unlock()
	return c.Conn.Close()
}

// frameTracker follows the ZMTP byte stream that one side writes.
type frameTracker struct {
	greeting int    // bytes of the greeting still to come
	header   []byte // the frame header read so far
	body     uint64 // bytes of the current frame's body still to come
	last     bool   // the current frame ends a message
	// watch, when set, is shown each frame as it passes: its header when complete, then its
	// body. An error it returns stops the stream.
	watch frameWatcher
}

// frameWatcher is shown the frames of a stream as they pass.
type frameWatcher interface {
	// header is a frame's header: its flags and the size of its body.
	header(flags byte, size uint64) error
	// body is the next part of the current frame's body; end tells whether it is the last.
	body(p []byte, end bool)
}

// advance consumes p and tells whether the stream is now at the end of a message, or the
// watcher's error.
func (t *frameTracker) advance(p []byte) (atEnd bool, err error) {
	for len(p) > 0 {
		switch {
		case t.greeting > 0:
			n := min(t.greeting, len(p))
			t.greeting -= n
			p = p[n:]
			atEnd = t.greeting == 0
		case t.body > 0:
			n := min(t.body, uint64(len(p)))
			t.body -= n
			if t.watch != nil {
				t.watch.body(p[:n], t.body == 0)
			}
			p = p[n:]
			atEnd = t.body == 0 && t.last
		default:
			t.header = append(t.header, p[0])
			p = p[1:]
			if atEnd, err = t.headerDone(); err != nil {
				return false, err
			}
		}
	}
	return atEnd, nil
}

// headerDone reads a complete frame header, if it is one, and tells whether it ends a
// message with an empty body.
func (t *frameTracker) headerDone() (bool, error) {
	flags := t.header[0]
	size := 1
	if flags&flagLong != 0 {
		size = 8
	}
	if len(t.header) < 1+size {
		return false, nil
	}
	var n uint64
	for _, b := range t.header[1:] {
		n = n<<8 | uint64(b)
	}
	t.header = t.header[:0]
	t.body, t.last = n, flags&flagMore == 0
	if t.watch != nil {
		if err := t.watch.header(flags, n); err != nil {
			return false, err
		}
	}
	return n == 0 && t.last, nil
}
