package jupyter

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"sync"
	"time"

	"github.com/go-zeromq/zmq4"

	"github.com/concurlab/concurlab/kernel/engine"
)

// username is the user name in the headers of the kernel's messages.
const username = "kernel"

// Closing down: Run waits up to drainTimeout for the outboxes to write what is queued (the
// last replies and statuses), then linger for the connections to carry it, then closes the
// sockets.
const (
	drainTimeout = 2 * time.Second
	linger       = 50 * time.Millisecond
)

// Server serves one engine over the five sockets a connection file names. Shell requests
// are handled one at a time, in order; control requests are served while a cell runs.
type Server struct {
	conn    ConnectionInfo
	eng     engine.Engine
	opts    Options
	log     *limitedLogger
	signer  Signer
	session string

	shell, control, stdin *router
	iopub                 *outbox
	heartbeat             zmq4.Socket
	// starting publishes the kernel's status: starting once, after the first subscriber's
	// welcome, so that someone sees it.
	starting sync.Once

	// requests queues the shell requests for the one goroutine that serves them.
	requests chan *Message
	handlers map[string]handler
	history  history
	// abortQueue is set by a cell that failed with stop_on_error; only the shell goroutine
	// touches it.
	abortQueue bool

	mu            sync.Mutex
	cancelCell    context.CancelFunc
	input         *pendingInput
	count         int
	stopServing   context.CancelFunc
	shutdownAsked bool
	restart       bool
}

// NewServer binds the sockets that conn names, on its ip only, and returns a Server that
// will serve eng on them once Run is called.
func NewServer(conn ConnectionInfo, eng engine.Engine, opts Options) (*Server, error) {
	if err := conn.Validate(); err != nil {
		return nil, err
	}
	opts = opts.withDefaults()
	s := &Server{
		conn:     conn,
		eng:      eng,
		opts:     opts,
		log:      newLimitedLogger(opts.Logger, time.Second),
		signer:   NewSigner(conn.Key),
		session:  NewID(),
		requests: make(chan *Message, 1024),
	}
	s.handlers = s.handlerTable()
	if err := s.bind(); err != nil {
		s.closeSockets()
		return nil, err
	}
	return s, nil
}

// bind opens and binds the five sockets.
func (s *Server) bind() error {
	var err error
	if s.shell, err = s.listenRouter("shell", s.conn.ShellPort); err != nil {
		return err
	}
	if s.control, err = s.listenRouter("control", s.conn.ControlPort); err != nil {
		return err
	}
	if s.stdin, err = s.listenRouter("stdin", s.conn.StdinPort); err != nil {
		return err
	}
	// IOPub is zmq4's PUB socket, told of its subscriptions by our transport: zmq4's XPUB
	// keeps them to itself (it registers them and never returns them from Recv) and
	// ignores the high-water mark, which keeps a stalled subscriber from growing the
	// kernel's memory without bound.
	pub := zmq4.NewPub(s.socketContext("iopub", s.welcome), s.zmqLogger())
	s.iopub = newOutbox("iopub", pub, s) // closeSockets closes it from here on
	if err := pub.SetOption(zmq4.OptionHWM, iopubHighWater); err != nil {
		return err
	}
	if err := listen(pub, s.conn.SocketEndpoint(s.conn.IOPubPort)); err != nil {
		return err
	}
	s.heartbeat = zmq4.NewRep(s.socketContext("heartbeat", nil), s.zmqLogger())
	return listen(s.heartbeat, s.conn.SocketEndpoint(s.conn.HBPort))
}

// zmqLogger sends zmq4's own log lines to the server's logger at info level: all it logs is
// a connection whose handshake failed, which is a peer's affair (a client that hung up while
// connecting, as Notebook's websocket proxy does, or something that speaks no ZMTP).
func (s *Server) zmqLogger() zmq4.Option {
	return zmq4.WithLogger(slog.NewLogLogger(s.opts.Logger.Handler(), slog.LevelInfo))
}

// socketContext is the context of the socket named name: its connections drop a peer that
// sends a frame or message over MaxMessageBytes, with a log line, and tell subscribed (when
// not nil) of each subscription.
func (s *Server) socketContext(name string, subscribed func(topic []byte)) context.Context {
	return withReadPolicy(context.Background(), readPolicy{
		maxMessage: uint64(s.opts.MaxMessageBytes),
		dropped: func(peer net.Addr, err error) {
			s.log.warn("drop connection "+name, "dropped a connection", "socket", name, "peer", peer.String(), "reason", err)
		},
		subscribed: subscribed,
	})
}

func listen(sock zmq4.Socket, endpoint string) error {
	if err := sock.Listen(endpoint); err != nil {
		return fmt.Errorf("binding %s: %w", endpoint, err)
	}
	return nil
}

// Run serves requests until ctx is done or a shutdown_request arrives, then closes the
// sockets and returns nil. It calls eng.Shutdown only for a shutdown_request; when ctx ends
// first, shutting the engine down is the caller's job. A Server runs once.
func (s *Server) Run(ctx context.Context) error {
	ctx, stop := context.WithCancel(ctx)
	defer stop()
	s.mu.Lock()
	s.stopServing = stop
	s.mu.Unlock()

	var sockets, outboxes, shell sync.WaitGroup
	shellCtx, stopShell := context.WithCancel(ctx)
	shell.Go(func() { s.serveShell(shellCtx) })
	for _, o := range s.outboxes() {
		outboxes.Go(o.run)
	}
	sockets.Go(func() { s.shell.read(func(m *Message) { s.enqueueShell(ctx, m) }) })
	sockets.Go(func() { s.control.read(func(m *Message) { s.serveThenStop(ctx, s.control, m) }) })
	sockets.Go(func() { s.stdin.read(s.deliverInput) })
	sockets.Go(s.echoHeartbeats)

	<-ctx.Done()
	stopShell()
	shell.Wait()
	s.mu.Lock()
	asked, restart := s.shutdownAsked, s.restart
	s.mu.Unlock()
	if asked {
		s.eng.Shutdown(restart)
	}
	for _, o := range s.outboxes() {
		o.finish()
	}
	drained := make(chan struct{})
	go func() {
		outboxes.Wait()
		close(drained)
	}()
	select {
	case <-drained:
	case <-time.After(drainTimeout):
	}
	time.Sleep(linger)
	s.closeSockets()
	sockets.Wait()
	<-drained
	return nil
}

// outboxes are the queues of the sockets that the server writes to.
func (s *Server) outboxes() []*outbox {
	return []*outbox{s.shell.out, s.control.out, s.stdin.out, s.iopub}
}

// Interrupt cancels the running cell's context, as interrupt_request and SIGINT do.
func (s *Server) Interrupt() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cancelCell != nil {
		s.cancelCell()
	}
}

// Session returns the session id in the headers of the kernel's messages.
func (s *Server) Session() string { return s.session }

func (s *Server) closeSockets() {
	var errs []error
	for _, r := range []*router{s.shell, s.control, s.stdin} {
		if r != nil {
			errs = append(errs, r.sock.Close())
		}
	}
	if s.iopub != nil {
		errs = append(errs, s.iopub.sock.Close())
	}
	if s.heartbeat != nil {
		errs = append(errs, s.heartbeat.Close())
	}
	if err := errors.Join(errs...); err != nil {
		s.opts.Logger.Debug("closing sockets", "err", err)
	}
}
