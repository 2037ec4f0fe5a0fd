package concur

import (
	"bufio"
	"bytes"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"reflect"
	"sync"
	"sync/atomic"
	"time"
)

// ProcessStarter makes the command of one child process of a real process pool, not yet
// started. The child must call ServeProcess; StartProcesses gives it the two pipes that
// ServeProcess reads and writes (file descriptors 3 and 4, through cmd.ExtraFiles, which the
// starter must leave empty), starts it, and reaps it. The starter decides the rest: what the
// child runs, its stdin, where its stdout and stderr go, and that it dies with its parent
// (Pdeathsig on Linux). ConcurLab's evaluator installs one when a session starts: its
// children are `concurlab` processes that replay the session's declarations.
type ProcessStarter func() (*exec.Cmd, error)

// processStarter is the installed ProcessStarter, or nil.
var processStarter atomic.Pointer[ProcessStarter]

// SetProcessStarter installs start as the way StartProcesses starts children; nil removes it.
func SetProcessStarter(start ProcessStarter) {
	if start == nil {
		processStarter.Store(nil)
		return
	}
	processStarter.Store(&start)
}

// processEnv marks a child of a real process pool, for ServeProcess.
const processEnv = "CONCUR_PROCESS_CHILD"

// ErrNoProcessStarter is returned by StartProcesses where no ProcessStarter is installed: in a
// compiled program (a %%compile cell, go run) nothing can start a copy of the session.
var ErrNoProcessStarter = errors.New("concur: real process pools run only in interpreted cells of ConcurLab, " +
	"whose children replay the session's declarations; this program has no way to start such a child " +
	"(use NewProcessPool, the simulated pool)")

// ErrBrokenPool is the error of calls to a real process pool after one of its processes
// exited while it should have been running (as Python's BrokenProcessPool).
var ErrBrokenPool = errors.New("concur: the process pool is broken")

// Args holds the arguments of a call of a function of several parameters.
type Args []any

// RemoteError is an error that a function called in a real process returned, or the panic it
// raised there. Only its text crosses between the processes: errors.Is cannot see the
// original error.
type RemoteError struct {
	Func     string // the function called
	PID      int    // the process it ran in
	Panicked bool   // the function panicked, rather than returned an error
	Text     string // the error's text, or the panic's value
}

func (e *RemoteError) Error() string {
	if e.Panicked {
		return fmt.Sprintf("%s panicked in process %d: %s", e.Func, e.PID, e.Text)
	}
	return fmt.Sprintf("%s in process %d: %s", e.Func, e.PID, e.Text)
}

// processCall is the header of a call sent to a child: the function's name and how many
// arguments follow it, each a gob value of its own, which the child decodes into its
// parameter's type.
type processCall struct {
	Func string
	Args int
}

// processReply is the header of a child's answer: to StartProcesses first (PID only, once it
// is ready), then to each call, followed by the result when Result is set.
type processReply struct {
	PID      int
	Result   bool   // the function's result follows
	Err      string // the error returned, the panic, or why the call could not be made
	Failed   bool   // Err is set
	Panicked bool
}

// A message goes between a pool and a child as a gob stream of its own, a header and the
// values that follow it, written with one Write: an encoding that fails sends nothing, and
// the next message starts clean. The reader decodes each message with a fresh gob.Decoder
// over one bufio.Reader, from which a Decoder reads no more than its message.
type messageWriter struct {
	w   io.Writer
	buf bytes.Buffer // kept from message to message, so that large ones reuse it
}

// valueError is the failure to encode the value at index of a message.
type valueError struct {
	index int
	err   error
}

func (e *valueError) Error() string { return e.err.Error() }

// send writes header and values as one message.
func (m *messageWriter) send(header any, values ...any) error {
	m.buf.Reset()
	enc := gob.NewEncoder(&m.buf)
	if err := enc.Encode(header); err != nil {
		return err
	}
	for i, v := range values {
		if err := enc.Encode(v); err != nil {
			return &valueError{i, err}
		}
	}
	_, err := m.w.Write(m.buf.Bytes())
	return err
}

// RealProcessPool is a pool of real OS processes, each running its own interpreter with the
// session's declarations (the simulated pool of NewProcessPool is the cheap model of it).
// Functions are called by name, as Python's ProcessPoolExecutor names a function when it
// pickles it; arguments and results are copied by encoding/gob, the analogue of pickle, through
// pipes. Each process runs one call at a time; calls beyond that wait for a free process.
// Its methods may be called from several goroutines.
type RealProcessPool struct {
	children []*child
	idle     chan *child
	stop     <-chan struct{} // closed by the Interrupt that ends the pool
	closing  chan struct{}
	once     sync.Once
	mu       sync.Mutex
	broken   error
}

// child is one process of a RealProcessPool.
type child struct {
	cmd     *exec.Cmd
	pid     int
	began   time.Time     // when it was started
	startUp time.Duration // from began until it was ready
	calls   *os.File      // the write end of the child's fd 3
	replies *os.File      // the read end of the child's fd 4
	out     messageWriter
	in      *bufio.Reader
	exited  chan struct{} // closed once the child is reaped
	waitErr error
}

// StartProcesses starts a pool of n real processes with the installed ProcessStarter and
// waits until each is ready to take calls; it fails with ErrNoProcessStarter outside
// ConcurLab's interpreted cells. Interrupt (the kernel's Interrupt, %reset, the end of a
// cell's func main) kills the pool's processes before it returns; Close ends them.
func StartProcesses(n int) (*RealProcessPool, error) {
	if n < 1 {
		return nil, fmt.Errorf("concur: a process pool needs at least one process, not %d", n)
	}
	start := processStarter.Load()
	if start == nil {
		return nil, ErrNoProcessStarter
	}
	p := &RealProcessPool{idle: make(chan *child, n), stop: interrupted(), closing: make(chan struct{})}
	livePools.add(p)
	ready := make(chan error, n)
	for range n {
		c, err := spawn(*start)
		if err == nil && !p.adopt(c) {
			c.kill()
			err = ErrInterrupted
		}
		if err != nil {
			p.Close()
			return nil, err
		}
		go func() { ready <- c.greet() }()
	}
	for range n {
		var err error
		select {
		case err = <-ready:
		case <-p.closing:
			err = p.closedErr()
		}
		if err != nil {
			p.Close()
			return nil, err
		}
	}
	for _, c := range p.children {
		p.idle <- c
	}
	return p, nil
}

// spawn starts one child with its two pipes.
func spawn(start ProcessStarter) (*child, error) {
	cmd, err := start()
	if err != nil {
		return nil, fmt.Errorf("concur: starting a process: %w", err)
	}
	if len(cmd.ExtraFiles) > 0 {
		return nil, errors.New("concur: the ProcessStarter's command has ExtraFiles; StartProcesses gives the child its own")
	}
	callsR, callsW, err := os.Pipe()
	if err != nil {
		return nil, fmt.Errorf("concur: making a process's pipes: %w", err)
	}
	repliesR, repliesW, err := os.Pipe()
	if err != nil {
		callsR.Close()
		callsW.Close()
		return nil, fmt.Errorf("concur: making a process's pipes: %w", err)
	}
	defer callsR.Close()
	defer repliesW.Close()
	cmd.ExtraFiles = []*os.File{callsR, repliesW}
	if cmd.Env == nil {
		cmd.Env = os.Environ()
	}
	cmd.Env = append(cmd.Env, processEnv+"=1")
	began := time.Now()
	if err := cmd.Start(); err != nil {
		callsW.Close()
		repliesR.Close()
		return nil, fmt.Errorf("concur: starting a process: %w", err)
	}
	c := &child{cmd: cmd, pid: cmd.Process.Pid, calls: callsW, replies: repliesR,
		out: messageWriter{w: callsW}, in: bufio.NewReader(repliesR), exited: make(chan struct{})}
	c.began = began
	go func() {
		c.waitErr = cmd.Wait()
		close(c.exited)
	}()
	return c, nil
}

// greet waits for the child's first reply, which says it is ready, and completes its start-up
// time.
func (c *child) greet() error {
	var r processReply
	if err := gob.NewDecoder(c.in).Decode(&r); err != nil {
		return fmt.Errorf("concur: process %d ended before it was ready: %v", c.pid, c.ended())
	}
	c.startUp = time.Since(c.began)
	return nil
}

// ended waits for the child to be reaped and says how it ended.
func (c *child) ended() error {
	<-c.exited
	if c.waitErr == nil {
		return errors.New("exit status 0")
	}
	return c.waitErr
}

// adopt makes c one of the pool's processes; it reports false when the pool was ended.
func (p *RealProcessPool) adopt(c *child) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	if isClosed(p.closing) {
		return false
	}
	p.children = append(p.children, c)
	return true
}

// kill kills the child and reaps it.
func (c *child) kill() {
	_ = c.cmd.Process.Kill()
	<-c.exited
	c.calls.Close()
	c.replies.Close()
}

// livePools are the real process pools not yet ended, which Interrupt ends.
var livePools poolSet

// poolSet is a set of real process pools.
type poolSet struct {
	mu    sync.Mutex
	pools map[*RealProcessPool]bool
}

func (s *poolSet) add(p *RealProcessPool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.pools == nil {
		s.pools = map[*RealProcessPool]bool{}
	}
	s.pools[p] = true
}

func (s *poolSet) remove(p *RealProcessPool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.pools, p)
}

// endAll kills the processes of every pool of the set, and waits until they are gone.
func (s *poolSet) endAll() {
	s.mu.Lock()
	pools := make([]*RealProcessPool, 0, len(s.pools))
	for p := range s.pools {
		pools = append(pools, p)
	}
	s.mu.Unlock()
	for _, p := range pools {
		p.end(0)
	}
}

// PIDs returns the process IDs of the pool's processes.
func (p *RealProcessPool) PIDs() []int {
	pids := make([]int, len(p.children))
	for i, c := range p.children {
		pids[i] = c.pid
	}
	return pids
}

// StartUps returns how long each process took from its start until it was ready to take
// calls: the operating system's fork and exec, the runtime's start, and its interpreter
// declaring the session's declarations.
func (p *RealProcessPool) StartUps() []time.Duration {
	times := make([]time.Duration, len(p.children))
	for i, c := range p.children {
		times[i] = c.startUp
	}
	return times
}

// String describes the pool, such as "real process pool (4 processes)".
func (p *RealProcessPool) String() string {
	return fmt.Sprintf("real process pool (%d processes)", len(p.children))
}

// Call calls the function named name in one of the pool's processes, waits for it and stores
// its result in reply, as net/rpc's Client.Call does. arg is the function's one argument, nil
// for a function without parameters, or Args for several; each is copied with encoding/gob
// into the parameter's type (so a struct crosses with its exported fields only). reply
// points to where the result goes; it may be nil when the function returns none or it is not
// wanted. The function may return nothing, a result, an error, or a result and an error; the
// error, or a panic, comes back as a *RemoteError. Call returns ErrInterrupted when
// Interrupt woke it, and ErrClosed after Close.
func (p *RealProcessPool) Call(name string, arg, reply any) error {
	var args []any
	switch a := arg.(type) {
	case nil:
	case Args:
		args = a
	default:
		args = []any{a}
	}
	var result reflect.Value // where the result is decoded, to be copied to reply by this goroutine
	if reply != nil {
		r := reflect.ValueOf(reply)
		if r.Kind() != reflect.Pointer || r.IsNil() {
			return fmt.Errorf("concur: Call's reply must be a non-nil pointer, not %T", reply)
		}
		result = reflect.New(r.Type().Elem())
	}
	var c *child
	select {
	case c = <-p.idle:
	case <-p.closing:
		return p.closedErr()
	}
	timedWaits.Add(1) // a call to a live process ends by itself: no deadlock while it runs
	defer timedWaits.Add(-1)
	type outcome struct{ err, broken error }
	done := make(chan outcome, 1)
	go func() {
		err, broken := c.call(name, args, result)
		done <- outcome{err, broken}
	}()
	select {
	case o := <-done:
		if o.broken != nil {
			p.breaks(fmt.Errorf("%w: process %d exited while it ran %s: %v", ErrBrokenPool, c.pid, name, o.broken))
			return p.closedErr()
		}
		p.idle <- c
		if o.err == nil && reply != nil {
			reflect.ValueOf(reply).Elem().Set(result.Elem())
		}
		return o.err
	case <-p.closing:
		return p.closedErr()
	}
}

// Go calls the function named name as Call does, asynchronously: it returns at once, and the
// future is done, with reply as its value, when reply holds the result.
func (p *RealProcessPool) Go(name string, arg, reply any) *Future {
	fut := newFuture()
	go fut.run(func() (any, error) { return reply, p.Call(name, arg, reply) })
	return fut
}

// call sends one call to the child and reads its reply, decoding the result into result (a
// pointer, or the zero Value when the result is not wanted). It returns the call's error, or
// broken when the child is gone.
func (c *child) call(name string, args []any, result reflect.Value) (err, broken error) {
	if err := c.out.send(processCall{Func: name, Args: len(args)}, args...); err != nil {
		if ve, ok := err.(*valueError); ok {
			return fmt.Errorf("concur: argument %d (%T) cannot be copied to another process: %v", ve.index+1, args[ve.index], ve.err), nil
		}
		return nil, c.ended()
	}
	dec := gob.NewDecoder(c.in)
	var r processReply
	if err := dec.Decode(&r); err != nil {
		return nil, c.ended()
	}
	if r.Failed {
		return &RemoteError{Func: name, PID: r.PID, Panicked: r.Panicked, Text: r.Err}, nil
	}
	if !r.Result {
		return nil, nil
	}
	if !result.IsValid() {
		if err := dec.DecodeValue(reflect.Value{}); err != nil { // discards the result
			return nil, c.ended()
		}
		return nil, nil
	}
	if err := dec.DecodeValue(result); err != nil {
		return fmt.Errorf("concur: the result of %s does not fit %s: %v", name, result.Type().Elem(), err), nil
	}
	return nil, nil
}

// breaks records why the pool broke and ends its processes. A pool that Close or Interrupt
// ended first is not broken: its processes died because it ended them.
func (p *RealProcessPool) breaks(err error) {
	p.mu.Lock()
	if p.broken == nil && !isClosed(p.closing) {
		p.broken = err
	}
	p.mu.Unlock()
	p.end(0)
}

// closedErr is the error of a call to a pool that was closed: why it broke, ErrInterrupted or
// ErrClosed.
func (p *RealProcessPool) closedErr() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	switch {
	case p.broken != nil:
		return p.broken
	case isClosed(p.stop):
		return ErrInterrupted
	default:
		return ErrClosed
	}
}

// Close ends the pool's processes and waits until they are gone: each idle process gets the
// end of its pipe and exits, and one still running a call after closeGrace is killed (the
// call fails with ErrClosed). Close may be called more than once.
func (p *RealProcessPool) Close() error {
	p.end(closeGrace)
	return nil
}

// end closes the pool: it closes the processes' pipes, kills those still there after grace,
// and reaps them all.
func (p *RealProcessPool) end(grace time.Duration) {
	p.once.Do(func() {
		p.mu.Lock()
		close(p.closing)
		children := p.children
		p.mu.Unlock()
		for _, c := range children {
			c.calls.Close() // a process waiting for a call exits
		}
		deadline := time.Now().Add(grace)
		for _, c := range children {
			select {
			case <-c.exited:
				c.replies.Close()
			case <-time.After(time.Until(deadline)):
				c.kill()
			}
		}
		livePools.remove(p)
	})
}

// closeGrace is how long Close lets a process finish before it kills it: a process waiting for
// a call exits at once, one that runs a call is killed.
const closeGrace = 200 * time.Millisecond
