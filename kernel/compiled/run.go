package compiled

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"time"
	"unsafe"

	"github.com/concurlab/concurlab/kernel/engine"
)

// interruptGrace is how long an interrupted program has between SIGINT and SIGKILL. The
// worker's supervisor replaces a worker whose cell takes longer than 400 ms to stop.
const interruptGrace = 200 * time.Millisecond

// drainTimeout bounds the wait for output after the program ended, which a process that it
// started and left running may hold open.
const drainTimeout = 500 * time.Millisecond

// tailSize is how much of the program's standard error is kept to name its failure.
const tailSize = 64 << 10

// Request is one compiled cell.
type Request struct {
	// Cell is the execution count of the cell, In[Cell].
	Cell int
	// Flags are the words after %%compile: go build flags.
	Flags string
	// Source is the cell, cut into pieces, and the session's declarations.
	Source Source
	// Trace records the program's concur events and draws their timeline when main returns.
	Trace bool
}

// Execute builds the cell's program (or takes it from the cache) and runs it, its output
// going to out as it comes. Cancelling ctx stops the program: SIGINT, then SIGKILL.
func (c *Compiler) Execute(ctx context.Context, req Request, out engine.Output) engine.ExecuteReply {
	flags, err := splitFlags(req.Flags)
	if err != nil {
		return engine.ExecuteReply{Error: failure("UsageError", err.Error())}
	}
	prog, err := newProgram(req.Source, req.Trace, true)
	var binary string
	if err == nil {
		binary, err = c.build(ctx, prog, flags)
	}
	if errors.Is(err, errNoValue) {
		if prog, err = newProgram(req.Source, req.Trace, false); err == nil {
			binary, err = c.build(ctx, prog, flags)
		}
	}
	if err == nil {
		return run(ctx, binary, req.Cell, out)
	}
	var be *buildError
	switch {
	case errors.As(err, &be):
		return engine.ExecuteReply{Error: buildFailure(be, req.Source.pieces(), req.Cell, req.Source.Values)}
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return engine.ExecuteReply{Error: interrupted("the build was stopped")}
	case errors.Is(err, ErrNoToolchain):
		return engine.ExecuteReply{Error: failure("NoToolchain", err.Error())}
	}
	return engine.ExecuteReply{Error: failure("CompileError", err.Error())}
}

func interrupted(what string) *engine.Error {
	return failure("Interrupted", what, "  The session is unaffected: declarations and values of earlier cells are kept.")
}

// run runs binary in the kernel's directory and environment, its output to out, and returns
// how it ended, with the cell's result when it sent one.
func run(ctx context.Context, binary string, cell int, out engine.Output) engine.ExecuteReply {
	marker := newMarker()
	cmd := exec.Command(binary)
	cmd.Env = append(os.Environ(), frameEnv+"="+marker)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	pipes, err := newPipes()
	if err != nil {
		return engine.ExecuteReply{Error: failure("Error", "cannot start the program: "+err.Error())}
	}
	defer pipes.close()
	cmd.Stdin, cmd.Stdout, cmd.Stderr = pipes.stdin[0], pipes.stdout[1], pipes.stderr[1]
	if err := cmd.Start(); err != nil {
		return engine.ExecuteReply{Error: failure("Error", "cannot start the program: "+err.Error())}
	}
	pipes.closeChildEnds()

	tail := &tailBuffer{}
	var readers sync.WaitGroup
	var result *engine.DisplayData
	readers.Go(func() { result = copyStdout(pipes.stdout[0], marker, out) })
	readers.Go(func() { copyStderr(pipes.stderr[0], cell, out, tail) })
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	stdinDone := make(chan struct{})
	go feedStdin(ctx, cmd.Process.Pid, pipes, out, stdinDone)
	defer close(stdinDone)

	var waitErr error
	stopped := false
	select {
	case waitErr = <-exited:
	case <-ctx.Done():
		stopped = true
		syscall.Kill(-cmd.Process.Pid, syscall.SIGINT)
		select {
		case <-exited:
		case <-time.After(interruptGrace):
			syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
			<-exited
		}
	}
	drained := make(chan struct{})
	go func() { readers.Wait(); close(drained) }()
	select {
	case <-drained:
	case <-time.After(drainTimeout):
		pipes.closeReaders()
		<-drained
	}
	if stopped {
		return engine.ExecuteReply{Error: interrupted("the program was stopped (SIGINT)")}
	}
	return engine.ExecuteReply{Result: result, Error: exitFailure(waitErr, tail.String())}
}

// newMarker returns the marker of one run's display frames.
func newMarker() string {
	b := make([]byte, 8)
	rand.Read(b)
	return "\x1econcurlab-" + hex.EncodeToString(b) + ":"
}

// raceSummary matches the race detector's count at the end of a run.
var raceSummary = regexp.MustCompile(`Found \d+ data race\(s\)`)

// exitFailure names how the program ended, from its exit and its standard error: nil when it
// succeeded. The report itself has already been shown on stderr.
func exitFailure(err error, stderr string) *engine.Error {
	var ee *exec.ExitError
	if err == nil {
		return nil
	}
	if !errors.As(err, &ee) {
		return failure("Error", err.Error())
	}
	status := ee.String()
	if strings.Contains(stderr, "WARNING: DATA RACE") {
		summary := raceSummary.FindString(stderr)
		if summary == "" {
			summary = "the race detector found a data race"
		}
		return failure("DataRace", summary, "  The race detector's report is above, its positions those of the cells; the program ended with "+status+".")
	}
	for _, line := range strings.Split(stderr, "\n") {
		switch {
		case strings.HasPrefix(line, "panic: "):
			return failure("panic", strings.TrimPrefix(line, "panic: "), "  The program's report is above; it ended with "+status+".")
		case strings.HasPrefix(line, "fatal error: all goroutines are asleep"):
			return failure("Deadlock", strings.TrimPrefix(line, "fatal error: "), "  The program's report is above; it ended with "+status+".")
		case strings.HasPrefix(line, "fatal error: "):
			return failure("fatal error", strings.TrimPrefix(line, "fatal error: "), "  The program's report is above; it ended with "+status+".")
		}
	}
	return failure("Exit", status)
}

// pipes are the program's standard input, output and error: [0] the read end, [1] the write.
type pipes struct {
	stdin, stdout, stderr [2]*os.File
	mu                    sync.Mutex
	stdinClosed           bool
}

func newPipes() (*pipes, error) {
	p := &pipes{}
	for _, pair := range []*[2]*os.File{&p.stdin, &p.stdout, &p.stderr} {
		r, w, err := os.Pipe()
		if err != nil {
			p.close()
			return nil, err
		}
		*pair = [2]*os.File{r, w}
	}
	return p, nil
}

// closeChildEnds closes the ends that the started program holds.
func (p *pipes) closeChildEnds() {
	p.stdin[0].Close()
	p.stdout[1].Close()
	p.stderr[1].Close()
}

// closeReaders stops the reads of the program's output.
func (p *pipes) closeReaders() {
	p.stdout[0].Close()
	p.stderr[0].Close()
}

// closeStdin gives the program end of file on its standard input.
func (p *pipes) closeStdin() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.stdinClosed {
		p.stdinClosed = true
		p.stdin[1].Close()
	}
}

func (p *pipes) close() {
	for _, pair := range [][2]*os.File{p.stdout, p.stderr} {
		for _, f := range pair {
			if f != nil {
				f.Close()
			}
		}
	}
	if p.stdin[0] != nil {
		p.stdin[0].Close()
	}
	if p.stdin[1] != nil {
		p.closeStdin()
	}
}

// copyStderr passes the program's standard error to out line by line, its positions mapped
// to the cells, and keeps its tail.
func copyStderr(r *os.File, cell int, out engine.Output, tail *tailBuffer) {
	buf := make([]byte, 32<<10)
	var pending []byte
	for {
		n, err := r.Read(buf)
		pending = append(pending, buf[:n]...)
		cut := bytes.LastIndexByte(pending, '\n') + 1
		if rest := pending[cut:]; err != nil || !bytes.Contains(rest, cellMark) && partialSuffix(rest, cellMark) == 0 {
			cut = len(pending) // a partial line without a position may go at once
		}
		if cut > 0 {
			text := mapPositions(string(pending[:cut]), cell)
			tail.write(text)
			out.Stream("stderr", text)
			pending = append(pending[:0], pending[cut:]...)
		}
		if err != nil {
			return
		}
	}
}

// cellMark starts the name of a cell's file in a position (see cellFile).
var cellMark = []byte("__cell_")

// tailBuffer keeps the last tailSize bytes written to it.
type tailBuffer struct {
	mu   sync.Mutex
	text string
}

func (t *tailBuffer) write(s string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.text += s
	if len(t.text) > tailSize {
		t.text = t.text[len(t.text)-tailSize:]
	}
}

func (t *tailBuffer) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.text
}

// stdinPoll is how often a program is looked at for a read of its standard input.
const stdinPoll = 20 * time.Millisecond

// feedStdin asks the front end for a line each time the program waits to read its empty
// standard input, and writes the answer to it; end of file when the front end has no input
// for it. It returns when done is closed.
func feedStdin(ctx context.Context, pid int, p *pipes, out engine.Output, done <-chan struct{}) {
	tick := time.NewTicker(stdinPoll)
	defer tick.Stop()
	for {
		select {
		case <-done:
			return
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		if !readingStdin(pid) || unread(p.stdin[1]) > 0 {
			continue
		}
		line, err := out.Input("", false)
		if err != nil {
			if errors.Is(err, engine.ErrNoStdin) {
				out.Stream("stderr", "The program reads its standard input, and gets end of file: "+err.Error()+".\n")
			}
			p.closeStdin()
			return
		}
		if _, err := p.stdin[1].WriteString(line + "\n"); err != nil {
			return
		}
	}
}

// readingStdin reports whether a thread of process pid is in a read(2) of file descriptor 0,
// from /proc/PID/task/*/syscall (Linux).
func readingStdin(pid int) bool {
	tasks, err := os.ReadDir(fmt.Sprintf("/proc/%d/task", pid))
	if err != nil {
		return false
	}
	for _, t := range tasks {
		b, err := os.ReadFile(fmt.Sprintf("/proc/%d/task/%s/syscall", pid, t.Name()))
		if err == nil && bytes.HasPrefix(b, []byte("0 0x0 ")) {
			return true
		}
	}
	return false
}

// unread returns how many bytes the pipe whose write end is w holds (FIONREAD).
func unread(w *os.File) int {
	var n int32
	_, _, errno := syscall.Syscall(syscall.SYS_IOCTL, w.Fd(), syscall.TIOCINQ, uintptr(unsafe.Pointer(&n)))
	if errno != 0 {
		return 0
	}
	return int(n)
}
