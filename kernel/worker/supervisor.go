package worker

import (
	"context"
	"log"
	"sync"
	"time"

	"github.com/concurlab/concurlab/kernel/engine"
)

// DefaultInterruptGrace is how long an interrupted cell has to stop by itself before its
// worker is replaced.
const DefaultInterruptGrace = 400 * time.Millisecond

// askTimeout bounds a completion, inspection or is_complete request, waiting for a
// restarting worker included.
const askTimeout = 3 * time.Second

// Options configure a Supervisor.
type Options struct {
	// Command is the argv that starts a worker process, one that calls RunChild, e.g.
	// {os.Executable(), "worker"}.
	Command []string
	// Info is what Info returns, so that kernel_info never waits for the worker.
	Info engine.Info
	// Logger receives what the supervisor logs; nil means log.Default().
	Logger *log.Logger
	// InterruptGrace is how long an interrupted cell may take to stop before the worker,
	// stuck in a compiled call, is replaced; zero means DefaultInterruptGrace.
	InterruptGrace time.Duration
}

// Supervisor is an engine.Engine that runs cells in a worker process. It survives the
// worker: a crash or a hard interrupt costs the cell, which reports what happened, and a
// fresh worker replays the session's declarations. Calls must not overlap, as the
// engine.Engine contract has them come one at a time, except Shutdown, which may stop a
// running cell.
type Supervisor struct {
	opts Options
	// gate holds what the worker prints, and the supervisor's notices, while no cell runs.
	gate engine.Gate

	mu sync.Mutex
	// gen is the current worker's generation.
	gen *generation
	// decls are the declarations that the last cell left, for a fresh worker.
	decls []string
	// running is the worker that runs a cell, or nil.
	running *process
	// cells counts the cells started, so that a watch over one cell knows when another began.
	cells  uint64
	closed bool
}

// NewSupervisor returns a Supervisor and starts its first worker in the background; the
// first request that needs the worker waits for it.
func NewSupervisor(opts Options) *Supervisor {
	if opts.Logger == nil {
		opts.Logger = log.Default()
	}
	if opts.InterruptGrace <= 0 {
		opts.InterruptGrace = DefaultInterruptGrace
	}
	s := &Supervisor{opts: opts}
	s.mu.Lock()
	s.start(nil)
	s.mu.Unlock()
	return s
}

// Info returns Options.Info without asking the worker.
func (s *Supervisor) Info() engine.Info { return s.opts.Info }

var _ engine.Engine = (*Supervisor)(nil)

// Execute runs the cell in the worker. Cancelling ctx interrupts the cell; a worker that has
// not stopped it within the grace period is replaced. A worker that dies during the cell makes
// the cell's error explain why.
func (s *Supervisor) Execute(ctx context.Context, req engine.ExecuteRequest, out engine.Output) engine.ExecuteReply {
	g, err := s.waitProcess(ctx)
	if err != nil {
		return errorReply(unavailableError(err))
	}
	p := g.proc
	s.gate.Open(out, req.ExecutionCount)
	defer s.gate.Close()
	s.setRunning(p)
	defer s.setRunning(nil)

	cell := ask(p, callExecute, req)
	select {
	case ev := <-cell.replies:
		return s.finish(p, cell, ev)
	case <-p.exited:
		if ev, ok := p.wait(cell.replies, 0); ok {
			return s.finish(p, cell, ev)
		}
		return errorReply(s.stoppedError(p))
	case <-ctx.Done():
	}
	go tell(p, callInterrupt, struct{}{})
	if ev, ok := p.wait(cell.replies, s.opts.InterruptGrace); ok {
		s.mu.Lock()
		cells := s.cells
		s.mu.Unlock()
		go s.watchAbandoned(g, p, cells)
		return s.finish(p, cell, ev)
	}
	if isClosed(p.exited) {
		return errorReply(s.stoppedError(p))
	}
	s.replace(g)
	p.kill(stopInterrupt)
	return errorReply(s.stoppedError(p))
}

// setRunning records the worker that runs a cell.
func (s *Supervisor) setRunning(p *process) {
	s.mu.Lock()
	s.running = p
	if p != nil {
		s.cells++
	}
	s.mu.Unlock()
}

// finish takes a cell's execute reply, once the output the worker wrote before it has been
// passed to the cell, and keeps the declarations it reports unless the worker was replaced
// (a restart) meanwhile.
func (s *Supervisor) finish(p *process, cell pendingCall[executeResult], ev event) engine.ExecuteReply {
	p.settleOutput()
	result, err := cell.decode(ev)
	if err != nil {
		return errorReply(&engine.Error{Name: "WorkerError", Value: err.Error(),
			Traceback: []string{"The evaluator's reply to the cell went wrong (" + err.Error() + "); run it again."}})
	}
	s.mu.Lock()
	if s.gen.proc == p && result.Declarations != nil {
		s.decls = *result.Declarations
	}
	s.mu.Unlock()
	return result.Reply
}

// Complete asks the worker for completions; with no worker to answer in time, it proposes
// nothing.
func (s *Supervisor) Complete(code string, cursor int) engine.Completion {
	if c, ok := askInTime(s, callComplete, completeArgs{Code: code, Cursor: cursor}); ok {
		return c
	}
	return noCompletion(cursor)
}

// Inspect asks the worker to describe the name at cursor; with no worker to answer in time,
// it finds nothing.
func (s *Supervisor) Inspect(code string, cursor, detailLevel int) engine.Inspection {
	in, _ := askInTime(s, callInspect, inspectArgs{Code: code, Cursor: cursor, DetailLevel: detailLevel})
	return in
}

// IsComplete asks the worker whether code is ready to run; with no worker to answer in time,
// the status is "unknown".
func (s *Supervisor) IsComplete(code string) engine.Completeness {
	if c, ok := askInTime(s, callIsComplete, isCompleteArgs{Code: code}); ok {
		return c
	}
	return unknownCompleteness
}

// noCompletion proposes nothing at cursor.
func noCompletion(cursor int) engine.Completion {
	return engine.Completion{Matches: []string{}, CursorStart: cursor, CursorEnd: cursor}
}

// unknownCompleteness is the answer to is_complete when nothing can tell.
var unknownCompleteness = engine.Completeness{Status: "unknown"}

// askInTime makes the call c of the worker and waits, at most askTimeout in all, for its
// reply.
func askInTime[A, R any](s *Supervisor, c call[A, R], args A) (R, bool) {
	ctx, cancel := context.WithTimeout(context.Background(), askTimeout)
	defer cancel()
	g, err := s.waitProcess(ctx)
	if err != nil {
		var none R
		return none, false
	}
	deadline, _ := ctx.Deadline()
	return ask(g.proc, c, args).await(time.Until(deadline))
}

// Shutdown stops the worker and waits until it is gone; cells after it fail with
// WorkerStopped. A restart stops the worker too, since the kernel process exits after a
// shutdown_request either way (for a restart Jupyter starts a new kernel, with its own
// Supervisor); restart only names the reason in the error of a cell still running.
func (s *Supervisor) Shutdown(restart bool) {
	reason := stopShutdown
	if restart {
		reason = stopRestart
	}
	s.mu.Lock()
	g, closed := s.gen, s.closed
	s.closed = true
	s.mu.Unlock()
	if closed {
		return
	}
	<-g.ready
	if g.proc == nil {
		return
	}
	g.proc.markStopped(reason)
	ask(g.proc, callShutdown, shutdownArgs{Restart: restart})
	g.proc.requests.Close()
	select {
	case <-g.proc.exited:
	case <-time.After(shutdownTimeout):
		g.proc.kill(reason)
		<-g.proc.exited
	}
}
