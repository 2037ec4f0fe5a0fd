package worker

import (
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

// RunChild is the body of a worker process (`concurlab worker`): it serves eng over the
// requests on fd 3 and the events on fd 4 that a Supervisor set up. The worker ignores SIGINT,
// which the kernel process handles (a front end may signal the whole process group); it
// returns when the supervisor closes the request pipe or asks it to shut down.
func RunChild(eng engine.Engine) error {
	signal.Ignore(os.Interrupt)
	requests := pollableFile(requestFD, "requests")
	events := pollableFile(eventFD, "events")
	defer requests.Close()
	defer events.Close()
	return Serve(eng, requests, events)
}

// pollableFile returns the inherited pipe fd as a File that Go's poller serves. The pipe
// comes blocking (os/exec makes the child's ends so): a goroutine reading it would then hold
// its thread and its P in the read, and the goroutine it just woke (the cell's) would wait
// until the scheduler took the P back, tens of microseconds a cell.
func pollableFile(fd int, name string) *os.File {
	_ = syscall.SetNonblock(fd, true) // on failure, the File blocks, which is slower but works
	return os.NewFile(uintptr(fd), name)
}
