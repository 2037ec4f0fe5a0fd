package eval

import (
	"io"
	"log"
	"os"
	"strings"
)

// yaegi logs a line through the standard logger just before it panics on a construct it
// cannot compile (log.Panic("nil type") in interp/scope.go, and two more). The panic is the
// cell's InterpreterError, said in Go's terms; the line, yaegi's own words, would reach the
// user's stderr (the worker's real stderr is shown in the notebook). Cells log through their
// own logger (printExports), so the standard logger carries only what compiled packages log,
// which passes.
func init() {
	log.SetOutput(internalLogFilter{os.Stderr})
}

// interpreterLogLines are the ends of the lines that yaegi v0.16.1 logs before it panics.
var interpreterLogLines = []string{" nil type\n", " nil reflect type\n"}

// internalLogFilter passes on what the standard logger writes, less yaegi's lines.
type internalLogFilter struct{ w io.Writer }

func (f internalLogFilter) Write(p []byte) (int, error) {
	line := string(p)
	for _, end := range interpreterLogLines {
		if strings.HasSuffix(line, end) {
			return len(p), nil
		}
	}
	if strings.Contains(line, "compositeGenerator not implemented for type kind") {
		return len(p), nil
	}
	return f.w.Write(p)
}
