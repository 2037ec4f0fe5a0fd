package worker

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"os"
	"os/exec"
	"sync"
	"syscall"
	"time"

	"github.com/concurlab/concurlab/kernel/engine"
	"github.com/concurlab/concurlab/kernel/pipes"
)

// settleTimeout bounds how long a finished cell waits for the worker's stdout and stderr to
// catch up: a goroutine that keeps printing would otherwise hold the cell open.
const settleTimeout = 100 * time.Millisecond

// drainTimeout bounds how long a dead worker's pipes are read after it exited: a process it
// started may hold them open.
const drainTimeout = 500 * time.Millisecond

// process is one running worker: its pipes, the calls waiting for replies, and how it ended.
type process struct {
	cmd    *exec.Cmd
	gate   *engine.Gate
	logger *log.Logger

	sendMu   sync.Mutex
	requests *os.File
	enc      *json.Encoder

	mu      sync.Mutex
	nextID  uint64
	pending map[uint64]chan event
	// cell is the ID of the execute call that runs, or 0: only its input requests reach
	// the front end.
	cell uint64
	// stopReason, when set, says why the supervisor stopped this worker on purpose.
	stopReason string

	stderr stderrFilter
	// stdoutPipe and stderrPipe read the worker's real stdout and stderr.
	stdoutPipe, stderrPipe *pipes.Reader
	// waited is closed once the worker has exited; exited is closed once, besides, its
	// pipes are read: then state and stderr's report tell how it ended.
	waited chan struct{}
	exited chan struct{}
	state  *os.ProcessState
}

// startProcess starts argv as a worker whose output goes through gate; onExit runs once the
// worker has exited and its pipes are read, before exited is closed.
func startProcess(argv []string, gate *engine.Gate, logger *log.Logger, onExit func(*process)) (*process, error) {
	if len(argv) == 0 {
		return nil, errors.New("no command to start the worker")
	}
	reads, writes, err := makePipes(4)
	if err != nil {
		return nil, err
	}
	reqR, evR, outR, errR := reads[0], reads[1], reads[2], reads[3]
	reqW, evW, outW, errW := writes[0], writes[1], writes[2], writes[3]
	parentEnds := []*os.File{reqW, evR, outR, errR}
	defer closeAll(reqR, evW, outW, errW)
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Stdout, cmd.Stderr = outW, errW
	cmd.ExtraFiles = []*os.File{reqR, evW}
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	if err := cmd.Start(); err != nil {
		closeAll(parentEnds...)
		return nil, fmt.Errorf("starting the worker: %w", err)
	}
	p := &process{
		cmd: cmd, gate: gate, logger: logger,
		requests: reqW, enc: json.NewEncoder(reqW),
		pending: make(map[uint64]chan event),
		waited:  make(chan struct{}),
		exited:  make(chan struct{}),
	}
	p.stderr.pass = func(text string) { gate.Stream("stderr", text) }
	p.stderr.alive = func() bool { return !isClosed(p.waited) }
	p.stdoutPipe = pipes.NewReader(outR, func(chunk []byte) { gate.Stream("stdout", string(chunk)) })
	p.stderrPipe = pipes.NewReader(errR, func(chunk []byte) { p.stderr.write(string(chunk)) })
	go p.supervise(evR, onExit)
	return p, nil
}

// makePipes makes n pipes and returns their read and write ends.
func makePipes(n int) (reads, writes []*os.File, err error) {
	for range n {
		r, w, err := os.Pipe()
		if err != nil {
			closeAll(reads...)
			closeAll(writes...)
			return nil, nil, fmt.Errorf("making the worker's pipes: %w", err)
		}
		reads, writes = append(reads, r), append(writes, w)
	}
	return reads, writes, nil
}

// closeAll closes files.
func closeAll(files ...*os.File) {
	for _, f := range files {
		f.Close()
	}
}

// pid is the worker's process id.
func (p *process) pid() int { return p.cmd.Process.Pid }

// supervise reads the worker's pipes until it exits, then records how it ended and calls
// onExit.
func (p *process) supervise(events *os.File, onExit func(*process)) {
	stdout, stderr := p.stdoutPipe.File(), p.stderrPipe.File()
	var readers sync.WaitGroup
	readers.Add(3)
	go func() { defer readers.Done(); p.readEvents(events) }()
	go func() { defer readers.Done(); p.stdoutPipe.Run() }()
	go func() { defer readers.Done(); p.stderrPipe.Run(); p.stderr.close() }()
	p.cmd.Wait()
	close(p.waited)
	drained := make(chan struct{})
	go func() { readers.Wait(); close(drained) }()
	select {
	case <-drained:
	case <-time.After(drainTimeout):
		closeAll(events, stdout, stderr)
		<-drained
	}
	closeAll(events, stdout, stderr, p.requests)
	p.state = p.cmd.ProcessState
	onExit(p)
	close(p.exited)
}

// readEvents dispatches the worker's events: output to the gate, replies to their callers.
func (p *process) readEvents(events io.Reader) {
	dec := json.NewDecoder(events)
	// answered is closed once the last input request so far is answered: each waits for
	// the one before, so that prompts keep their order.
	answered := make(chan struct{})
	close(answered)
	for {
		var ev event
		if err := dec.Decode(&ev); err != nil {
			if !errors.Is(err, io.EOF) && !errors.Is(err, os.ErrClosed) {
				p.logger.Printf("worker %d: reading events: %v", p.pid(), err)
			}
			return
		}
		switch {
		case ev.Input != nil:
			previous, done := answered, make(chan struct{})
			answered = done
			go func() {
				defer close(done)
				<-previous
				p.answerInput(ev.ID, *ev.Input)
			}()
		case ev.publish(p.gate):
		default:
			p.deliver(ev)
		}
	}
}

// answerInput asks the running cell's front end for input and sends the answer back. A
// request from a goroutine whose cell has finished is refused, so that its prompt never shows
// in another cell.
func (p *process) answerInput(cell uint64, in inputEvent) {
	text, err := "", engine.ErrCellOver
	if p.runs(cell) {
		text, err = p.gate.Input(in.Prompt, in.Password)
	}
	answer := inputAnswer{InputID: in.InputID, Input: text}
	if err != nil {
		answer.Error = err.Error()
	}
	tell(p, callInputReply, answer)
}

// runs tells whether the execute call id is the cell that runs.
func (p *process) runs(id uint64) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return id != 0 && id == p.cell
}

// deliver hands a reply to the call waiting for it.
func (p *process) deliver(ev event) {
	p.mu.Lock()
	ch := p.pending[ev.ID]
	p.forgetLocked(ev.ID)
	p.mu.Unlock()
	if ch == nil {
		p.logger.Printf("worker %d: a reply that nobody waits for any more (id %d) %s", p.pid(), ev.ID, ev.Error)
		return
	}
	ch <- ev
}

// pendingCall is a call sent to the worker whose reply, of type R, is awaited.
type pendingCall[R any] struct {
	p       *process
	id      uint64
	replies <-chan event
}

// ask sends the call c with args under a fresh ID and returns the call, whose reply will
// arrive on replies. An execute call becomes the cell that runs until its reply arrives.
func ask[A, R any](p *process, c call[A, R], args A) pendingCall[R] {
	req := c.request(args)
	ch := make(chan event, 1)
	p.mu.Lock()
	p.nextID++
	req.ID = p.nextID
	p.pending[req.ID] = ch
	if c.method == callExecute.method {
		p.cell = req.ID
	}
	p.mu.Unlock()
	p.send(req)
	return pendingCall[R]{p: p, id: req.ID, replies: ch}
}

// tell sends the call c with args, whose reply, if it has one, nobody waits for.
func tell[A, R any](p *process, c call[A, R], args A) { p.send(c.request(args)) }

// decode returns the reply that ev carries.
func (c pendingCall[R]) decode(ev event) (R, error) {
	var reply R
	if ev.Error != "" {
		return reply, errors.New(ev.Error)
	}
	if err := json.Unmarshal(ev.Reply, &reply); err != nil {
		return reply, fmt.Errorf("the evaluator's reply cannot be read: %w", err)
	}
	return reply, nil
}

// await waits for c's reply, the worker's exit, or the timeout; ok tells whether a reply
// that can be read came. Without one, c is forgotten: a reply that comes later is dropped.
func (c pendingCall[R]) await(timeout time.Duration) (reply R, ok bool) {
	ev, ok := c.p.wait(c.replies, timeout)
	if !ok {
		c.p.mu.Lock()
		c.p.forgetLocked(c.id)
		c.p.mu.Unlock()
		return reply, false
	}
	reply, err := c.decode(ev)
	if err != nil {
		c.p.logger.Printf("worker %d: %v", c.p.pid(), err)
		return reply, false
	}
	return reply, true
}

// forgetLocked stops waiting for the reply to call id. The caller holds p.mu.
func (p *process) forgetLocked(id uint64) {
	delete(p.pending, id)
	if p.cell == id {
		p.cell = 0
	}
}

// settleOutput waits (briefly) until what the worker wrote to its stdout and stderr so far
// has been passed on, a partial line that stderr held included.
func (p *process) settleOutput() {
	pipes.Settle(settleTimeout, p.stdoutPipe, p.stderrPipe)
	p.stderr.flush()
}

// send writes req to the worker. A worker that died cannot read it; callers learn of that
// from exited, so the write error is dropped.
func (p *process) send(req request) {
	p.sendMu.Lock()
	defer p.sendMu.Unlock()
	_ = p.enc.Encode(req)
}

// wait waits for a reply on ch, the worker's exit, or the timeout.
func (p *process) wait(ch <-chan event, timeout time.Duration) (ev event, ok bool) {
	select {
	case ev = <-ch:
		return ev, true
	default:
	}
	t := time.NewTimer(timeout)
	defer t.Stop()
	select {
	case ev = <-ch:
		return ev, true
	case <-p.exited:
		select {
		case ev = <-ch:
			return ev, true
		default:
			return event{}, false
		}
	case <-t.C:
		return event{}, false
	}
}

// kill stops the worker at once, for the reason given; exited tells when it is gone.
func (p *process) kill(reason string) {
	p.markStopped(reason)
	p.cmd.Process.Kill()
}

// markStopped records that the supervisor stops the worker, and why.
func (p *process) markStopped(reason string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.stopReason == "" {
		p.stopReason = reason
	}
}

// reason returns why the supervisor stopped the worker, or "" when it was not stopped.
func (p *process) reason() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.stopReason
}
