package eval

import (
	"bytes"
	"fmt"
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

// syncMark is written into a stream to learn when everything written before it was routed.
var syncMark = []byte("\x00\x01concurlab-sync\x01\x00")

// panicTrace matches the lines yaegi writes to stderr while a panic unwinds interpreted
// frames ("12:3: panic: main.f(...)"); they feed tracebacks instead of the user's stderr.
var panicTrace = regexp.MustCompile(`^\d+:\d+: panic: `)

// pendingLimit caps what goroutines may print while no cell runs; the rest is counted.
const pendingLimit = 1 << 20

// router carries what cells print, through the interpreter's stdout and stderr (real pipes,
// so that os.Stdout and os.Stderr in cells are files as Go code expects), to the running
// cell's Output. What goroutines print while no cell runs is kept and shown, under a header,
// when the next cell starts.
type router struct {
	stdout, stderr *pipeStream
	flushMu        sync.Mutex // one flush at a time: each waits for its own sync marks
	routeMu        sync.Mutex // one route at a time, from the pipes' readers or the writers

	mu           sync.Mutex
	out          engine.Output // the running cell's, nil between cells
	lastCell     int           // execution count of the cell that ran last
	pending      []streamText  // printed between cells
	pendingBytes int
	dropped      int      // bytes not kept because pending was full
	trace        []string // panic trace lines since the running cell started
	exited       bool     // the cell's program called os.Exit: nothing more is shown for it
}

// streamText is text written to one stream.
type streamText struct{ name, text string }

// pipeStream is one of the interpreter's output files and the reader of its pipe.
type pipeStream struct {
	name   string
	r, w   *os.File
	reader *pipes.Reader
	synced chan struct{}
	// holding is set while the reader holds back the start of a sync mark, whose rest has
	// not arrived yet.
	holding atomic.Bool
	line    []byte // stderr: the unfinished last line, held back until it ends
}

func newRouter() (*router, error) {
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
	ro := &router{stdout: stdout, stderr: stderr}
	for _, ps := range []*pipeStream{stdout, stderr} {
		ps.reader = pipes.NewReader(ps.r, ro.receiver(ps))
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
	return &pipeStream{name: name, r: r, w: w, synced: make(chan struct{}, 1)}, nil
}

// read routes what arrives on ps until its write end is closed, then closes the read end.
func (ro *router) read(ps *pipeStream) {
	defer ps.r.Close()
	ps.reader.Run()
}

// receiver returns the func that routes each chunk read from ps and answers the sync marks
// in it.
func (ro *router) receiver(ps *pipeStream) func([]byte) {
	var held []byte
	return func(chunk []byte) {
		data := append(held, chunk...)
		held = nil
		for {
			i := bytes.Index(data, syncMark)
			if i < 0 {
				break
			}
			ro.route(ps, data[:i], true)
			data = data[i+len(syncMark):]
			select {
			case ps.synced <- struct{}{}:
			default:
			}
		}
		if k := markPrefixAtEnd(data); k > 0 {
			held = bytes.Clone(data[len(data)-k:])
			data = data[:len(data)-k]
		}
		ps.holding.Store(len(held) > 0)
		ro.route(ps, data, false)
	}
}

// markPrefixAtEnd returns the length of the longest end of data that begins syncMark.
func markPrefixAtEnd(data []byte) int {
	for k := min(len(syncMark)-1, len(data)); k > 0; k-- {
		if bytes.HasPrefix(syncMark, data[len(data)-k:]) {
			return k
		}
	}
	return 0
}

// writer returns a writer that routes straight to ps's destination, in the order of the
// writes: the interpreter's fmt.Print*, print, log, and Fprint* to os.Stdout and os.Stderr
// go through it, so that stdout and stderr keep their order. Only writes through the files'
// own methods (os.Stdout.Write, and library code given os.Stdout: template.Execute,
// json.NewEncoder) take the pipes; a write here first waits until they have been routed.
func (ro *router) writer(ps *pipeStream) io.Writer { return streamWriter{ro, ps} }

// streamWriter writes to one stream of a router without a pipe.
type streamWriter struct {
	ro *router
	ps *pipeStream
}

func (w streamWriter) Write(p []byte) (int, error) {
	if !w.ro.settled() {
		w.ro.flush()
	}
	w.ro.route(w.ps, p, false)
	return len(p), nil
}

// route delivers data of ps; on stderr whole lines only (unless flush), without panic traces.
func (ro *router) route(ps *pipeStream, data []byte, flush bool) {
	ro.routeMu.Lock()
	defer ro.routeMu.Unlock()
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

// deliver shows text on the running cell, or keeps it for the next one.
func (ro *router) deliver(name, text string) {
	if text == "" {
		return
	}
	ro.mu.Lock()
	defer ro.mu.Unlock()
	if ro.exited {
		return
	}
	if ro.out != nil {
		ro.out.Stream(name, text)
		return
	}
	if ro.pendingBytes+len(text) > pendingLimit {
		ro.dropped += len(text)
		return
	}
	ro.pendingBytes += len(text)
	if n := len(ro.pending); n > 0 && ro.pending[n-1].name == name {
		ro.pending[n-1].text += text
		return
	}
	ro.pending = append(ro.pending, streamText{name, text})
}

// begin makes out the destination of all output, after showing what was printed since the
// last cell ended.
func (ro *router) begin(out engine.Output, cell int) {
	ro.mu.Lock()
	defer ro.mu.Unlock()
	if len(ro.pending) > 0 {
		out.Stream("stderr", fmt.Sprintf("── printed after In[%d] finished, by goroutines still running ──\n", ro.lastCell))
		for _, p := range ro.pending {
			out.Stream(p.name, p.text)
		}
		if ro.dropped > 0 {
			out.Stream("stderr", fmt.Sprintf("── %d more bytes were printed and not kept ──\n", ro.dropped))
		}
	}
	ro.pending, ro.pendingBytes, ro.dropped = nil, 0, 0
	ro.out, ro.lastCell, ro.trace, ro.exited = out, cell, nil, false
}

// exit shows what the cell printed so far and nothing after it, until the next cell: a
// program's deferred calls and goroutines print nothing once it called os.Exit.
func (ro *router) exit() {
	ro.flush()
	ro.mu.Lock()
	defer ro.mu.Unlock()
	ro.exited = true
}

// flush waits until everything written to the streams so far has been routed. A stream
// whose pipe is settled needs no sync mark: what its unfinished last line holds is routed as
// a mark would have it.
func (ro *router) flush() {
	ro.flushMu.Lock()
	defer ro.flushMu.Unlock()
	for _, ps := range []*pipeStream{ro.stdout, ro.stderr} {
		if ps.settled() {
			ro.route(ps, nil, true)
			continue
		}
		select {
		case <-ps.synced:
		default:
		}
		if _, err := ps.w.Write(syncMark); err != nil {
			continue
		}
		select {
		case <-ps.synced:
		case <-time.After(2 * time.Second):
		}
	}
}

// settled tells whether all that was written to the pipes so far has been routed.
func (ro *router) settled() bool { return ro.stdout.settled() && ro.stderr.settled() }

// settled tells whether all that was written to ps's pipe so far has been routed.
func (ps *pipeStream) settled() bool { return !ps.holding.Load() && ps.reader.Settled() }

// end flushes the streams and stops routing to the cell's Output.
func (ro *router) end() {
	ro.flush()
	ro.mu.Lock()
	defer ro.mu.Unlock()
	ro.out = nil
}

// takeTrace returns and forgets the panic trace lines seen so far.
func (ro *router) takeTrace() []string {
	ro.flush()
	ro.mu.Lock()
	defer ro.mu.Unlock()
	trace := ro.trace
	ro.trace = nil
	return trace
}

// close closes the write ends; the readers stop once they drained the pipes, and close the
// read ends.
func (ro *router) close() {
	ro.stdout.w.Close()
	ro.stderr.w.Close()
}
