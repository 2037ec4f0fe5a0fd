package eval

import (
	"errors"
	"fmt"
	"sync"

	"github.com/concurlab/concurlab/kernel/engine"
)

// stdin is what cells read as os.Stdin and through fmt.Scan: each read that finds nothing
// buffered asks the running cell's front end for a line (input_request). Its type is not
// *os.File, since a pipe cannot tell when a cell starts reading; cells that need an *os.File
// are rare, and io.Reader is what bufio and fmt take.
type stdin struct {
	ro *cellStdio

	mu     sync.Mutex
	buffer []byte
}

// noStdinNotice explains a read of os.Stdin that the front end cannot answer.
const noStdinNotice = "os.Stdin: this front end does not take input (its request said allow_stdin: false), so the read got an error and no text; run the cell from a notebook or console that asks for input"

// Read returns buffered input, or asks the front end for a line when there is none.
func (in *stdin) Read(p []byte) (int, error) {
	in.mu.Lock()
	defer in.mu.Unlock()
	if len(in.buffer) == 0 {
		line, err := in.ro.input()
		if errors.Is(err, engine.ErrNoStdin) {
			fmt.Fprintln(in.ro.writer(in.ro.stderr), noStdinNotice)
		}
		if err != nil {
			return 0, err
		}
		in.buffer = []byte(line + "\n")
	}
	n := copy(p, in.buffer)
	in.buffer = in.buffer[n:]
	return n, nil
}

// input asks the running cell's front end for a line, after showing what the cell printed
// (its prompt).
func (ro *cellStdio) input() (string, error) {
	ro.flush()
	return ro.gate.Input("", false)
}
