package eval

import (
	"bytes"
	"io"
	"os"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/concurlab/concurlab/kernel/engine"
	"github.com/concurlab/concurlab/kernel/pipes"
)

// panicTrace matches the lines yaegi writes to stderr while a panic unwinds interpreted
// frames ("12:3: panic: main.f(...)"); they feed tracebacks instead of the user's stderr.
var panicTrace = regexp.MustCompile(`^\d+:\d+: panic: `)

// flushTimeout bounds how long a flush waits for the pipes to be read.
const flushTimeout = 2 * time.Second

// cellStdio carries what cells print, through the interpreter's stdout and stderr (real
// pipes, so that os.Stdout and os.Stderr in cells are files as Go code expects), to the cell
// output gate, which passes it to the running cell or holds it until the next one.
type cellStdio struct {
	stdout, stderr *pipeStream
	flushMu        sync.Mutex // one flush at a time
	routeMu        sync.Mutex // one route at a time, from the pipes' readers or the writers

	// gate is where all output goes: the running cell's Output, or held for the next cell.
	gate engine.Gate

	mu     sync.Mutex
	trace  []string // panic trace lines since the running cell started
	exited bool     // the cell's program called os.Exit: nothing more is shown for it
	// program counts the programs that ended by exit: a print that began in an earlier one
	// is not shown (changed under routeMu).
	program atomic.Int64
}

// pipeStream is one of the interpreter's output files and the reader of its pipe.
type pipeStream struct {
	name   string
	r, w   *os.File
	reader *pipes.Reader
	line   []byte // stderr: the unfinished last line, held back until it ends
}

func newCellStdio() (*cellStdio, error) {
	stdout, err := newPipeStream("stdout")
	if err != nil {
		return nil, err
	}
	stderr, err := newPipeStream("stderr")
	if err != nil {
		stdout.r.Close()
		stdout.w.Close()
		return nil, err
	}
	ro := &cellStdio{stdout: stdout, stderr: stderr}
	for _, ps := range []*pipeStream{stdout, stderr} {
		ps.reader = pipes.NewReader(ps.r, func(chunk []byte) { ro.route(ps, chunk, false) })
		go ro.read(ps)
	}
	return ro, nil
}

// newPipeStream opens the pipe of the stream name.
func newPipeStream(name string) (*pipeStream, error) {
	r, w, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	return &pipeStream{name: name, r: r, w: w}, nil
}

// read routes what arrives on ps until its write end is closed, then closes the read end.
func (ro *cellStdio) read(ps *pipeStream) {
	defer ps.r.Close()
	ps.reader.Run()
}

// writer returns a writer that routes straight to ps's destination, in the order of the
// writes: the interpreter's fmt.Print*, print, log, and Fprint* to os.Stdout and os.Stderr
// go through it, so that stdout and stderr keep their order. Only writes through the files'
// own methods (os.Stdout.Write, and library code given os.Stdout: template.Execute,
// json.NewEncoder) take the pipes; a write here first waits until they have been routed.
// A print that began before the program ended by exit, or after, shows nothing, even when it
// writes after the next cell began (a goroutine of the ended program, in a compiled call, or
// its flow before the interpreter stopped it).
func (ro *cellStdio) writer(ps *pipeStream) io.Writer {
	ro.mu.Lock()
	defer ro.mu.Unlock()
	program := ro.program.Load()
	if ro.exited {
		program = -1
	}
	return streamWriter{ro, ps, program}
}

// streamWriter writes to one stream of a cellStdio without a pipe, for a print of program.
type streamWriter struct {
	ro      *cellStdio
	ps      *pipeStream
	program int64
}

func (w streamWriter) Write(p []byte) (int, error) {
	if !w.ro.settled() {
		w.ro.flush()
	}
	w.ro.routeMu.Lock()
	defer w.ro.routeMu.Unlock()
	if w.ro.program.Load() == w.program {
		w.ro.routeLocked(w.ps, p, false)
	}
	return len(p), nil
}

// route delivers data of ps; on stderr whole lines only (unless flush), without panic traces.
func (ro *cellStdio) route(ps *pipeStream, data []byte, flush bool) {
	ro.routeMu.Lock()
	defer ro.routeMu.Unlock()
	ro.routeLocked(ps, data, flush)
}

// routeLocked is route, with routeMu held.
func (ro *cellStdio) routeLocked(ps *pipeStream, data []byte, flush bool) {
	if ps == ro.stdout {
		ro.deliver(ps.name, string(data))
		return
	}
	ps.line = append(ps.line, data...)
	var b strings.Builder
	for {
		i := bytes.IndexByte(ps.line, '\n')
		if i < 0 {
			break
		}
		line := string(ps.line[:i+1])
		ps.line = ps.line[i+1:]
		if panicTrace.MatchString(line) {
			ro.mu.Lock()
			ro.trace = append(ro.trace, strings.TrimSpace(line))
			ro.mu.Unlock()
			continue
		}
		b.WriteString(line)
	}
	if flush {
		b.Write(ps.line)
		ps.line = nil
	}
	ro.deliver(ps.name, b.String())
}

// deliver passes text to the gate, unless the cell's program has exited.
func (ro *cellStdio) deliver(name, text string) {
	ro.mu.Lock()
	defer ro.mu.Unlock()
	if !ro.exited {
		ro.gate.Stream(name, text)
	}
}

// begin opens the gate to out, the output of cell, which first shows what was printed since
// the last cell ended.
func (ro *cellStdio) begin(out engine.Output, cell int) {
	ro.mu.Lock()
	defer ro.mu.Unlock()
	ro.gate.Open(out, cell)
	ro.trace, ro.exited = nil, false
}

// exit shows what the cell printed so far and nothing after it, until the next cell: a
// program's deferred calls and goroutines print nothing once it called os.Exit.
func (ro *cellStdio) exit() {
	ro.flush()
	ro.routeMu.Lock()
	ro.program.Add(1)
	ro.routeMu.Unlock()
	ro.mu.Lock()
	defer ro.mu.Unlock()
	ro.exited = true
}

// flush waits until everything written to the pipes so far has been routed, then routes what
// stderr's unfinished last line holds.
func (ro *cellStdio) flush() {
	ro.flushMu.Lock()
	defer ro.flushMu.Unlock()
	pipes.Settle(flushTimeout, ro.stdout.reader, ro.stderr.reader)
	ro.route(ro.stderr, nil, true)
}

// settled tells whether all that was written to the pipes so far has been routed.
func (ro *cellStdio) settled() bool { return ro.stdout.reader.Settled() && ro.stderr.reader.Settled() }

// end flushes the streams and closes the gate: later output waits for the next cell.
func (ro *cellStdio) end() {
	ro.flush()
	ro.gate.Close()
}

// takeTrace returns and forgets the panic trace lines seen so far.
func (ro *cellStdio) takeTrace() []string {
	ro.flush()
	ro.mu.Lock()
	defer ro.mu.Unlock()
	trace := ro.trace
	ro.trace = nil
	return trace
}

// close closes the write ends; the readers stop once they drained the pipes, and close the
// read ends.
func (ro *cellStdio) close() {
	ro.stdout.w.Close()
	ro.stderr.w.Close()
}
