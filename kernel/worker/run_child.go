package worker

import (
	"os"
	"os/signal"

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
	requests := os.NewFile(requestFD, "requests")
	events := os.NewFile(eventFD, "events")
	defer requests.Close()
	defer events.Close()
	return Serve(eng, requests, events)
}
