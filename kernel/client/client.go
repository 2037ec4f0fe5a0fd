package client

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/go-zeromq/zmq4"

	"github.com/concurlab/concurlab/kernel/jupyter"
)

// Socket names one of a kernel's sockets.
type Socket int

// The kernel's sockets.
const (
	Shell Socket = iota
	Control
	Stdin
	IOPub
	Heartbeat
)

var socketNames = [...]string{"shell", "control", "stdin", "iopub", "heartbeat"}

// String returns the socket's name as the protocol documentation writes it.
func (s Socket) String() string {
	if s < 0 || int(s) >= len(socketNames) {
		return fmt.Sprintf("Socket(%d)", int(s))
	}
	return socketNames[s]
}

// DefaultTimeout is a new Client's Timeout.
const DefaultTimeout = 10 * time.Second

// Client is connected to one kernel. Its methods may be called from several goroutines, but
// replies are matched to requests only by the methods that wait for them.
type Client struct {
	// Info is the kernel's connection info.
	Info jupyter.ConnectionInfo
	// Session is the session id in the client's headers; it is also the identity of its
	// shell, control and stdin sockets, so that input_request comes back to it.
	Session string
	// Timeout bounds how long the waiting methods wait for each message.
	Timeout time.Duration

	signer  jupyter.Signer
	sockets [4]zmq4.Socket // shell, control, stdin (DEALER) and iopub (SUB)
	inbox   [4]*queue
	hb      zmq4.Socket
	hbMu    sync.Mutex
	readers sync.WaitGroup
	process *process
	cancel  context.CancelFunc
}

// Connect connects to the kernel that info describes and waits until it is ready: until a
// kernel_info_request is answered on shell and iopub is known to be subscribed (by the
// kernel's iopub_welcome, from protocol 5.5 on, and by the status of a kernel_info_request),
// so that no iopub message of later requests is missed. ctx bounds the wait, not the
// connection.
func Connect(ctx context.Context, info jupyter.ConnectionInfo) (*Client, error) {
	c := &Client{Info: info, Session: jupyter.NewID(), Timeout: DefaultTimeout, signer: jupyter.NewSigner(info.Key)}
	// The sockets outlive ctx, but while connecting ctx's end stops their dialing too.
	sockets, cancel := context.WithCancel(context.Background())
	c.cancel = cancel
	stop := context.AfterFunc(ctx, cancel)
	defer stop()
	if err := c.dial(sockets); err != nil {
		c.Close()
		return nil, err
	}
	if err := c.waitForReady(ctx); err != nil {
		c.Close()
		return nil, err
	}
	return c, nil
}

// A kernel that is starting binds its sockets within milliseconds; dialing retries that often
// so that the client does not add its own wait to the kernel's start, for 10 s in all.
const (
	dialRetry      = 5 * time.Millisecond
	dialMaxRetries = 2000
)

// dial connects the sockets, whose lives ctx bounds.
func (c *Client) dial(ctx context.Context) error {
	opts := []zmq4.Option{zmq4.WithDialerMaxRetries(dialMaxRetries), zmq4.WithDialerRetry(dialRetry)}
	identity := zmq4.WithID(zmq4.SocketIdentity(c.Session))
	ports := [...]int{c.Info.ShellPort, c.Info.ControlPort, c.Info.StdinPort, c.Info.IOPubPort}
	for s := Shell; s <= IOPub; s++ {
		if s == IOPub {
			c.sockets[s] = zmq4.NewSub(ctx, opts...)
		} else {
			c.sockets[s] = zmq4.NewDealer(ctx, append(opts, identity)...)
		}
		c.inbox[s] = newQueue(s.String())
		if err := c.sockets[s].Dial(c.Info.SocketEndpoint(ports[s])); err != nil {
			return fmt.Errorf("dialing %s: %w", s, err)
		}
	}
	if err := c.sockets[IOPub].SetOption(zmq4.OptionSubscribe, ""); err != nil {
		return err
	}
	c.hb = zmq4.NewReq(ctx, opts...)
	if err := c.hb.Dial(c.Info.SocketEndpoint(c.Info.HBPort)); err != nil {
		return fmt.Errorf("dialing heartbeat: %w", err)
	}
	for s := Shell; s <= IOPub; s++ {
		c.readers.Go(func() { c.receive(s) })
	}
	return nil
}

// receive queues the messages that arrive on s until the socket is closed. Messages that do
// not decode (bad signature, bad framing) are dropped.
func (c *Client) receive(s Socket) {
	for {
		msg, err := c.sockets[s].Recv()
		if err != nil {
			if errors.Is(err, context.Canceled) {
				return
			}
			continue
		}
		frames := msg.Frames
		if s == IOPub && len(frames) > 0 && string(frames[0]) != jupyter.Delimiter {
			frames = frames[1:] // the topic
		}
		if m, err := jupyter.Decode(frames, c.signer); err == nil {
			c.inbox[s].push(m)
		}
	}
}

// waitForReady makes sure that iopub is subscribed, so that no iopub message of later
// requests is missed. It asks for kernel_info; a kernel of protocol 5.5 or later then
// welcomes the subscription on iopub, and its welcome is awaited. Then (the only way with an
// older kernel) kernel_info_requests are sent until one is answered and its busy status
// shows on iopub, and iopub is read up to that request's idle status.
func (c *Client) waitForReady(ctx context.Context) error {
	welcomed := false
	for ctx.Err() == nil {
		id, err := c.Send(Shell, "kernel_info_request", struct{}{})
		if err != nil {
			return err
		}
		reply, err := c.replyTo(ctx, Shell, id, c.Timeout)
		if err != nil {
			return fmt.Errorf("waiting for the kernel: %w", err)
		}
		if !welcomed && welcomes(reply) {
			if err := c.waitForWelcome(ctx); err != nil {
				return err
			}
			welcomed = true
			continue // the statuses of this request may have gone before the subscription
		}
		if msgs, err := c.iopubUntilIdle(ctx, id, 500*time.Millisecond); err == nil || len(msgs) > 0 {
			return err
		}
	}
	return ctx.Err()
}

// welcomes tells whether the kernel_info_reply is of a kernel that sends iopub_welcome:
// one of protocol 5.5 or later.
func welcomes(reply *jupyter.Message) bool {
	var info struct {
		ProtocolVersion string `json:"protocol_version"`
	}
	if reply.DecodeContent(&info) != nil {
		return false
	}
	var major, minor int
	if _, err := fmt.Sscanf(info.ProtocolVersion, "%d.%d", &major, &minor); err != nil {
		return false
	}
	return major > 5 || major == 5 && minor >= 5
}

// waitForWelcome reads iopub up to an iopub_welcome: whichever subscription it welcomes,
// it reached this client, whose subscription is therefore registered.
func (c *Client) waitForWelcome(ctx context.Context) error {
	for {
		m, err := c.recv(ctx, IOPub, c.Timeout)
		if err != nil {
			return fmt.Errorf("waiting for iopub_welcome: %w", err)
		}
		if m.Header.MsgType == "iopub_welcome" {
			return nil
		}
	}
}

// Send sends a request of msgType with content on s and returns its msg_id.
func (c *Client) Send(s Socket, msgType string, content any) (string, error) {
	m, err := jupyter.NewMessage(jupyter.NewHeader(msgType, c.Session, "concurlab-client"), nil, content)
	if err != nil {
		return "", err
	}
	return m.Header.MsgID, c.SendMessage(s, m)
}

// SendMessage signs m and sends it on s (shell, control or stdin).
func (c *Client) SendMessage(s Socket, m *jupyter.Message) error {
	frames, err := jupyter.Encode(m, c.signer)
	if err != nil {
		return err
	}
	return c.SendRaw(s, frames)
}

// SendRaw sends frames as they are on s (shell, control or stdin), for tests of bad messages.
func (c *Client) SendRaw(s Socket, frames [][]byte) error {
	if s > Stdin {
		return fmt.Errorf("cannot send on %s", s)
	}
	return c.sockets[s].SendMulti(zmq4.NewMsgFrom(frames...))
}

// Recv returns the next message received on s (shell, control, stdin or iopub), waiting up
// to timeout.
func (c *Client) Recv(s Socket, timeout time.Duration) (*jupyter.Message, error) {
	return c.recv(context.Background(), s, timeout)
}

func (c *Client) recv(ctx context.Context, s Socket, timeout time.Duration) (*jupyter.Message, error) {
	if s > IOPub {
		return nil, fmt.Errorf("cannot receive on %s", s)
	}
	return c.inbox[s].pop(ctx, timeout)
}

// Request sends a request on s and returns its reply. Other messages received on s before
// the reply are dropped.
func (c *Client) Request(s Socket, msgType string, content any) (*jupyter.Message, error) {
	id, err := c.Send(s, msgType, content)
	if err != nil {
		return nil, err
	}
	return c.replyTo(context.Background(), s, id, c.Timeout)
}

// replyTo reads s until the message whose parent is id.
func (c *Client) replyTo(ctx context.Context, s Socket, id string, timeout time.Duration) (*jupyter.Message, error) {
	deadline := time.Now().Add(timeout)
	for {
		m, err := c.recv(ctx, s, time.Until(deadline))
		if err != nil {
			return nil, err
		}
		if m.Parent.MsgID == id {
			return m, nil
		}
	}
}

// IOPubUntilIdle returns the iopub messages whose parent is id, in order, from its busy
// status to its idle status included. Messages of other parents are dropped. Each message
// must come within timeout of the one before.
func (c *Client) IOPubUntilIdle(id string, timeout time.Duration) ([]*jupyter.Message, error) {
	return c.iopubUntilIdle(context.Background(), id, timeout)
}

func (c *Client) iopubUntilIdle(ctx context.Context, id string, timeout time.Duration) ([]*jupyter.Message, error) {
	var msgs []*jupyter.Message
	for {
		m, err := c.recv(ctx, IOPub, timeout)
		if err != nil {
			return msgs, err
		}
		if m.Parent.MsgID != id {
			continue
		}
		msgs = append(msgs, m)
		if m.Header.MsgType == "status" && statusOf(m) == "idle" {
			return msgs, nil
		}
	}
}

// statusOf returns a status message's execution_state.
func statusOf(m *jupyter.Message) string {
	var content struct {
		ExecutionState string `json:"execution_state"`
	}
	m.DecodeContent(&content)
	return content.ExecutionState
}

// ExecuteRequest is execute_request's content.
type ExecuteRequest struct {
	Code            string            `json:"code"`
	Silent          bool              `json:"silent"`
	StoreHistory    bool              `json:"store_history"`
	UserExpressions map[string]string `json:"user_expressions"`
	AllowStdin      bool              `json:"allow_stdin"`
	StopOnError     bool              `json:"stop_on_error"`
}

// Execute runs code as a notebook does (stored in history, no stdin, stop on error) and
// returns the execute_reply and the iopub messages of the request, busy to idle.
func (c *Client) Execute(code string) (*jupyter.Message, []*jupyter.Message, error) {
	return c.ExecuteRequest(ExecuteRequest{Code: code, StoreHistory: true, StopOnError: true, UserExpressions: map[string]string{}})
}

// ExecuteRequest sends req and returns the execute_reply and the iopub messages of the
// request, busy to idle.
func (c *Client) ExecuteRequest(req ExecuteRequest) (*jupyter.Message, []*jupyter.Message, error) {
	id, err := c.Send(Shell, "execute_request", req)
	if err != nil {
		return nil, nil, err
	}
	reply, err := c.replyTo(context.Background(), Shell, id, c.Timeout)
	if err != nil {
		return nil, nil, err
	}
	msgs, err := c.IOPubUntilIdle(id, c.Timeout)
	return reply, msgs, err
}

// KernelInfo asks for kernel_info on shell.
func (c *Client) KernelInfo() (*jupyter.Message, error) {
	return c.Request(Shell, "kernel_info_request", struct{}{})
}

// Interrupt sends interrupt_request on control and returns the reply.
func (c *Client) Interrupt() (*jupyter.Message, error) {
	return c.Request(Control, "interrupt_request", struct{}{})
}

// Shutdown sends shutdown_request on control and returns the reply.
func (c *Client) Shutdown(restart bool) (*jupyter.Message, error) {
	return c.Request(Control, "shutdown_request", map[string]bool{"restart": restart})
}

// AnswerInput sends an input_reply with value to the kernel's input_request.
func (c *Client) AnswerInput(request *jupyter.Message, value string) error {
	m, err := jupyter.NewMessage(jupyter.NewHeader("input_reply", c.Session, "concurlab-client"), nil, map[string]string{"value": value})
	if err != nil {
		return err
	}
	m.Parent = request.Header
	return c.SendMessage(Stdin, m)
}

// Ping sends a heartbeat and waits up to timeout for its echo.
func (c *Client) Ping(timeout time.Duration) error {
	c.hbMu.Lock()
	defer c.hbMu.Unlock()
	payload := []byte(jupyter.NewID())
	echo := make(chan error, 1)
	go func() {
		if err := c.hb.Send(zmq4.NewMsg(payload)); err != nil {
			echo <- err
			return
		}
		msg, err := c.hb.Recv()
		if err == nil && string(msg.Bytes()) != string(payload) {
			err = fmt.Errorf("heartbeat echoed %q, not %q", msg.Bytes(), payload)
		}
		echo <- err
	}()
	select {
	case err := <-echo:
		return err
	case <-time.After(timeout):
		return fmt.Errorf("%w: no heartbeat within %v", ErrTimeout, timeout)
	}
}

// Close closes the sockets and, for a kernel that Start started, kills it if it is still
// running and removes its connection file.
func (c *Client) Close() error {
	c.cancel()
	var errs []error
	for _, s := range c.sockets {
		if s != nil {
			errs = append(errs, s.Close())
		}
	}
	if c.hb != nil {
		errs = append(errs, c.hb.Close())
	}
	c.readers.Wait()
	if c.process != nil {
		errs = append(errs, c.process.stop())
	}
	return errors.Join(errs...)
}
