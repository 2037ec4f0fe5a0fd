package worker

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/concurlab/concurlab/kernel/engine"
)

// Request and event pipes of a worker process, as the Supervisor passes them (ExtraFiles).
const (
	requestFD = 3
	eventFD   = 4
)

// RunChild is the body of a worker process (`concurlab worker`): it serves the engine that
// start makes over the requests on fd 3 and the events on fd 4 that a Supervisor set up. When
// start fails, every cell fails with its error, so that the user reads why where they ran
// the cell. The worker ignores SIGINT, which the kernel process handles (a front end may
// signal the whole process group); it returns when the supervisor closes the request pipe or
// asks it to shut down.
func RunChild(start func() (engine.Engine, error)) error {
	signal.Ignore(os.Interrupt)
	requests := pollableFile(requestFD, "requests")
	events := pollableFile(eventFD, "events")
	defer requests.Close()
	defer events.Close()
	eng, err := start()
	if err != nil {
		eng = unstarted{err}
	}
	return Serve(eng, requests, events)
}

// unstarted is the engine of a worker whose engine could not start: each cell fails with the
// reason, and the other requests find nothing.
type unstarted struct{ err error }

func (u unstarted) Info() engine.Info { return engine.Info{} }

func (u unstarted) Execute(context.Context, engine.ExecuteRequest, engine.Output) engine.ExecuteReply {
	return errorReply(unavailableError(fmt.Errorf("the evaluator could not start: %w", u.err)))
}

func (u unstarted) Complete(_ string, cursor int) engine.Completion { return noCompletion(cursor) }

func (u unstarted) Inspect(string, int, int) engine.Inspection { return engine.Inspection{} }

func (u unstarted) IsComplete(string) engine.Completeness { return unknownCompleteness }

func (u unstarted) Shutdown(bool) {}

// pollableFile returns the inherited pipe fd as a File that Go's poller serves. The pipe
// comes blocking (os/exec makes the child's ends so): a goroutine reading it would then hold
// its thread and its P in the read, and the goroutine it just woke (the cell's) would wait
// until the scheduler took the P back, tens of microseconds a cell.
func pollableFile(fd int, name string) *os.File {
	_ = syscall.SetNonblock(fd, true) // on failure, the File blocks, which is slower but works
	return os.NewFile(uintptr(fd), name)
}
