package worker

import (
	"context"
	"errors"

	"github.com/concurlab/concurlab/kernel/engine"
)

// Reasons for which the supervisor stops a worker on purpose.
const (
	stopInterrupt = "interrupt"
	stopAbandoned = "abandoned"
	stopRestart   = "restart"
	stopShutdown  = "shutdown"
	stopReplay    = "replay"
)

// stoppedCells say how a worker stopped on purpose ended the cell it ran, by stop reason:
// value is the Interrupted error's value, and replaced tells whether a fresh worker takes its
// place. (A worker stopped while replaying runs no cell.)
var stoppedCells = map[string]struct {
	value    string
	replaced bool
}{
	stopInterrupt: {"the cell did not stop (it was stuck in a compiled call), so the evaluator had to be replaced", true},
	stopAbandoned: {"an interrupted cell left a compiled call running, so the evaluator was replaced", true},
	stopRestart:   {"the kernel was restarted while the cell ran", false},
	stopShutdown:  {"the kernel shut down while the cell ran", false},
}

// stoppedError explains why p, which ran the cell, is gone.
func (s *Supervisor) stoppedError(p *process) *engine.Error {
	s.mu.Lock()
	replayed := len(s.decls) > 0
	s.mu.Unlock()
	stopped, ok := stoppedCells[p.reason()]
	switch {
	case !ok:
		return explainCrash(p.stderr.report(), p.state).crashError(replayed)
	case stopped.replaced:
		return interruptedError(stopped.value, restartNote(replayed)+".")
	}
	return interruptedError(stopped.value)
}

// unavailableError is the error of a cell that found no worker to run it.
func unavailableError(err error) *engine.Error {
	switch {
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return interruptedError("the cell was interrupted while the evaluator was starting")
	case errors.Is(err, errStopped):
		return &engine.Error{Name: "WorkerStopped", Value: err.Error(),
			Traceback: []string{"The evaluator was shut down; restart the kernel to run cells."}}
	}
	return &engine.Error{Name: "WorkerUnavailable", Value: err.Error(),
		Traceback: []string{"The evaluator process could not start: " + err.Error() + ".",
			"Run the cell again; if this repeats, restart the kernel."}}
}

// interruptedError is the Interrupted error of a cell that stopped because of value, with
// notes on what followed.
func interruptedError(value string, notes ...string) *engine.Error {
	return &engine.Error{Name: "Interrupted", Value: value, Traceback: append([]string{"Interrupted: " + value + "."}, notes...)}
}

// errorReply is the reply of a cell that failed with e.
func errorReply(e *engine.Error) engine.ExecuteReply { return engine.ExecuteReply{Error: e} }
