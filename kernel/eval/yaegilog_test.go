package eval

import (
	"bytes"
	"log"
	"strings"
	"testing"
)

// TestInterpreterLogLinesDropped runs a cell on which yaegi panics after logging "nil type"
// through the standard logger: the line does not reach stderr, the cell's error says nothing
// of the interpreter's internals, and what compiled code logs still passes.
func TestInterpreterLogLinesDropped(t *testing.T) {
	var stderr bytes.Buffer
	old := log.Writer()
	log.SetOutput(internalLogFilter{&stderr})
	t.Cleanup(func() { log.SetOutput(old) })
	h := newHarness(t, Options{})
	h.exec(`import ("fmt"; "io"; "strings")
type upper struct{ r io.Reader }
func (u upper) Read(p []byte) (int, error) { return u.r.Read(p) }`)
	h.exec(`var r io.Reader = upper{strings.NewReader("q")}`)
	run := h.exec("u, ok := r.(upper)\nfmt.Println(u.r != nil, ok)")
	if strings.Contains(stderr.String(), "nil type") {
		t.Errorf("the interpreter's log line reached stderr: %q", stderr.String())
	}
	if msg := run.errorText(); yaegiWords.MatchString(msg) {
		t.Errorf("the cell's error names the interpreter's internals:\n%s", msg)
	}
	log.Print("from compiled code")
	if !strings.HasSuffix(stderr.String(), "from compiled code\n") {
		t.Errorf("a line the standard logger wrote did not pass: %q", stderr.String())
	}
	if got := h.exec("1+1").result(); got != "2" {
		t.Errorf("the next cell gave %q, want 2", got)
	}
}
