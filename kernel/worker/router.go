package worker

import (
	"errors"
	"fmt"
	"sync"

	"github.com/concurlab/concurlab/kernel/engine"
)

// heldLimit bounds the output held while no cell runs; what goes past it is counted and
// reported instead of kept.
const heldLimit = 64 << 10

// heldDisplaySize is what a held display counts against heldLimit.
const heldDisplaySize = 1 << 10

// errNoCell answers an input request that arrives when no cell runs.
var errNoCell = errors.New("no cell is running to ask for input")

// errCellOver answers an input request whose cell has finished.
var errCellOver = errors.New("the cell that asked for input has finished")

// router sends the worker's output to the running cell. Output that arrives while no cell
// runs (a goroutine that outlived its cell, a crash between cells) is held, bounded, and
// shown at the start of the next cell.
type router struct {
	mu      sync.Mutex
	out     engine.Output
	held    []heldOutput
	size    int
	dropped int
	notices []string
	// detached is closed when the running cell ends, which ends the waits for its input.
	detached chan struct{}
}

// heldOutput is one stream chunk or display kept for the next cell.
type heldOutput struct {
	name, text string
	display    *engine.DisplayData
}

// attach makes out the running cell's output, first showing it what was held.
func (r *router) attach(out engine.Output) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, n := range r.notices {
		out.Stream("stderr", n)
	}
	for _, h := range r.held {
		if h.display != nil {
			out.Display(*h.display)
		} else {
			out.Stream(h.name, h.text)
		}
	}
	if r.dropped > 0 {
		out.Stream("stderr", fmt.Sprintf("[%d bytes of output made between cells were dropped]\n", r.dropped))
	}
	r.out, r.held, r.size, r.dropped, r.notices = out, nil, 0, 0, nil
	r.detached = make(chan struct{})
}

// detach ends the running cell: once it returns, its output gets no new calls, and input
// requests still waiting for an answer get errCellOver.
func (r *router) detach() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.out = nil
	if r.detached != nil {
		close(r.detached)
		r.detached = nil
	}
}

// stream sends text to the running cell's stream name, or holds it.
func (r *router) stream(name, text string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.out != nil {
		r.out.Stream(name, text)
		return
	}
	r.hold(heldOutput{name: name, text: text}, len(text))
}

// display shows d in the running cell, or holds it.
func (r *router) display(d engine.DisplayData) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.out != nil {
		r.out.Display(d)
		return
	}
	r.hold(heldOutput{display: &d}, heldDisplaySize)
}

// hold keeps h, which counts size bytes, unless the held output would pass heldLimit.
// The caller holds r.mu.
func (r *router) hold(h heldOutput, size int) {
	if r.size+size > heldLimit {
		r.dropped += size
		return
	}
	r.size += size
	r.held = append(r.held, h)
}

// clearOutput clears the running cell's output; with no cell there is nothing to clear.
func (r *router) clearOutput(wait bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.out != nil {
		r.out.ClearOutput(wait)
	}
}

// input asks the running cell's front end for a line of input. If the cell ends first, it
// returns errCellOver without waiting for the answer, which the front end's output, whose
// cell is over, drops.
func (r *router) input(prompt string, password bool) (string, error) {
	r.mu.Lock()
	out, detached := r.out, r.detached
	r.mu.Unlock()
	if out == nil {
		return "", errNoCell
	}
	type answer struct {
		text string
		err  error
	}
	answered := make(chan answer, 1)
	go func() {
		text, err := out.Input(prompt, password)
		answered <- answer{text, err}
	}()
	select {
	case a := <-answered:
		return a.text, a.err
	case <-detached:
		return "", errCellOver
	}
}

// notice keeps a message from the supervisor (a crash between cells, a failed replay) for the
// next cell's stderr; notices are few and never dropped.
func (r *router) notice(text string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.out != nil {
		r.out.Stream("stderr", text)
		return
	}
	r.notices = append(r.notices, text)
}
