package engine

import (
	"fmt"
	"sync"
)

// LateOutputLimit bounds the output that a Gate holds while no cell runs; what goes past it
// is counted and reported instead of kept.
const LateOutputLimit = 1 << 20

// heldDisplaySize is what a held display counts against LateOutputLimit.
const heldDisplaySize = 1 << 10

// Gate is the cell-output gate: the one place that decides what becomes of output that
// arrives while no cell runs (a goroutine that outlived its cell, a crash between cells).
// Between Open and Close it passes everything to the running cell's Output; otherwise it
// holds stream text and displays, up to LateOutputLimit, and shows them when the next cell
// opens it, under a line that says where they came from. The evaluator publishes its cells'
// output through one, and so does the supervisor of a worker process.
//
// A Gate is an Output, safe for concurrent use; its zero value is closed and holds nothing.
type Gate struct {
	mu  sync.Mutex
	out Output
	// cell is the execution count of the cell that opened the gate last.
	cell    int
	held    []heldOutput
	size    int
	dropped int
	notices []string
	// closed is closed when the running cell ends, which ends the waits for its input.
	closed chan struct{}
}

// heldOutput is one stream chunk or display kept for the next cell.
type heldOutput struct {
	name, text string
	display    *DisplayData
}

// Open makes out the running cell's output, cell its execution count, and first shows out
// the notices and the output held since the last cell.
func (g *Gate) Open(out Output, cell int) {
	g.mu.Lock()
	defer g.mu.Unlock()
	for _, n := range g.notices {
		out.Stream("stderr", n)
	}
	if len(g.held) > 0 || g.dropped > 0 {
		out.Stream("stderr", g.heldHeader())
	}
	for _, h := range g.held {
		if h.display != nil {
			out.Display(*h.display)
		} else {
			out.Stream(h.name, h.text)
		}
	}
	if g.dropped > 0 {
		out.Stream("stderr", fmt.Sprintf("── %d more bytes of output were made and not kept ──\n", g.dropped))
	}
	g.out, g.cell, g.held, g.size, g.dropped, g.notices = out, cell, nil, 0, 0, nil
	g.closed = make(chan struct{})
}

// heldHeader is the line above the held output. The caller holds g.mu.
func (g *Gate) heldHeader() string {
	if g.cell == 0 {
		return "── printed while no cell ran ──\n"
	}
	return fmt.Sprintf("── printed after In[%d] finished, by goroutines still running ──\n", g.cell)
}

// Close ends the running cell: once it returns, the cell's Output gets no new calls, and
// Input calls still waiting for an answer return ErrCellOver.
func (g *Gate) Close() {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.out = nil
	if g.closed != nil {
		close(g.closed)
		g.closed = nil
	}
}

// Stream sends text to the running cell's stream name, or holds it.
func (g *Gate) Stream(name, text string) {
	if text == "" {
		return
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.out != nil {
		g.out.Stream(name, text)
		return
	}
	if n := len(g.held); n > 0 && g.held[n-1].display == nil && g.held[n-1].name == name && g.fits(len(text)) {
		g.held[n-1].text += text
		g.size += len(text)
		return
	}
	g.hold(heldOutput{name: name, text: text}, len(text))
}

// Display shows d in the running cell, or holds it.
func (g *Gate) Display(d DisplayData) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.out != nil {
		g.out.Display(d)
		return
	}
	g.hold(heldOutput{display: &d}, heldDisplaySize)
}

// fits tells whether size more bytes stay within LateOutputLimit. The caller holds g.mu.
func (g *Gate) fits(size int) bool { return g.size+size <= LateOutputLimit }

// hold keeps h, which counts size bytes, unless it would pass LateOutputLimit. The caller
// holds g.mu.
func (g *Gate) hold(h heldOutput, size int) {
	if !g.fits(size) {
		g.dropped += size
		return
	}
	g.size += size
	g.held = append(g.held, h)
}

// ClearOutput clears the running cell's output; with no cell there is nothing to clear.
func (g *Gate) ClearOutput(wait bool) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.out != nil {
		g.out.ClearOutput(wait)
	}
}

// Input asks the running cell's front end for a line of input. With no cell it returns
// ErrNoCell; if the cell ends first, ErrCellOver, without waiting for the answer, which the
// front end's output, whose cell is over, drops.
func (g *Gate) Input(prompt string, password bool) (string, error) {
	g.mu.Lock()
	out, closed := g.out, g.closed
	g.mu.Unlock()
	if out == nil {
		return "", ErrNoCell
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
	case <-closed:
		return "", ErrCellOver
	}
}

// Notice shows text, a message about the session (a crash between cells, a failed replay),
// on the running cell's stderr, or keeps it for the next cell's; notices are few and never
// dropped.
func (g *Gate) Notice(text string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.out != nil {
		g.out.Stream("stderr", text)
		return
	}
	g.notices = append(g.notices, text)
}

var _ Output = (*Gate)(nil)
