package eval

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/concurlab/concurlab/kernel/engine"
)

// newError builds an engine.Error whose traceback starts with a coloured "Name: value" line.
func newError(name, value string, lines ...string) *engine.Error {
	return engine.NewError(name, value, lines...)
}

// formatError renders e as stderr text.
func formatError(e *engine.Error) string {
	return strings.Join(e.Traceback, "\n") + "\n"
}

// sourceContext shows the cell's line with a caret under col, as compilers do.
func sourceContext(code string, line, col int) []string {
	lines := strings.Split(code, "\n")
	if line < 1 || line > len(lines) {
		return nil
	}
	return engine.SourceLines(line, lines[line-1], col)
}

// compileError reports an error at a place of cell number cell.
func compileError(code string, cell int, e *cellError) *engine.Error {
	value := fmt.Sprintf("In[%d] line %d:%d: %s", cell, e.line, e.col, e.msg)
	return newError("CompileError", value, sourceContext(code, e.line, e.col)...)
}

// yaegiPosition matches the position that starts yaegi's compile errors ("_.go:3:1: " or "3:1: ").
var yaegiPosition = regexp.MustCompile(`^(?:[^:\s]*_\.go:)?(\d+):(\d+): (.*)$`)

// yaegiCellError reads the cell position of a yaegi error, whose sources start one line below
// the cell (see yaegiSource).
func yaegiCellError(msg string) (*cellError, bool) {
	m := yaegiPosition.FindStringSubmatch(strings.TrimSpace(msg))
	if m == nil {
		return nil, false
	}
	line, _ := strconv.Atoi(m[1])
	col, _ := strconv.Atoi(m[2])
	return &cellError{line: line - 1, col: col, msg: m[3]}, true
}

// traceFrame reads one line of yaegi's panic trace ("12:3: panic: main.f(...)").
var traceFrame = regexp.MustCompile(`^(\d+):(\d+): panic: (?:main\.)?(.*)$`)

// reflectPanics are the panics of the reflect calls through which yaegi indexes, with the
// words Go itself would use.
var reflectPanics = map[string]string{
	"reflect: slice index out of range":              "runtime error: index out of range",
	"reflect: array index out of range":              "runtime error: index out of range",
	"reflect: string index out of range":             "runtime error: index out of range",
	"reflect.Value.Slice: slice index out of bounds": "runtime error: slice bounds out of range",
}

// goPanicText says a panic as Go would.
func goPanicText(msg string) string {
	if goText, ok := reflectPanics[msg]; ok {
		return goText
	}
	if strings.HasPrefix(msg, "reflect: call of reflect.Value.") && strings.HasSuffix(msg, " on zero Value") ||
		msg == "reflect: Method on nil interface value" {
		return "runtime error: invalid memory address or nil pointer dereference"
	}
	return yaegiPanicPosition.ReplaceAllString(msg, "")
}

// traceLines formats yaegi's panic trace lines as frames; the innermost one shows its source
// line of code, when code is known.
func traceLines(code string, cell int, trace []string) []string {
	var lines []string
	for _, t := range trace {
		m := traceFrame.FindStringSubmatch(t)
		if m == nil {
			continue
		}
		line, _ := strconv.Atoi(m[1])
		col, _ := strconv.Atoi(m[2])
		name := m[3]
		if strings.HasPrefix(name, "__cl_") {
			continue
		}
		if name == "main(...)" {
			name = fmt.Sprintf("In[%d]", cell)
		}
		first := len(lines) == 0
		lines = append(lines, fmt.Sprintf("  %s at line %d:%d", name, line-1, col))
		if first && code != "" {
			lines = append(lines, sourceContext(code, line-1, col)...)
		}
	}
	return lines
}

// goroutinePanic reports a panic of a goroutine started at a cell's go statement, with the
// frames yaegi traced while it unwound.
func goroutinePanic(cell, line int, value any, trace []string) *engine.Error {
	if ex, ok := value.(programExit); ok {
		return exitError(ex)
	}
	lines := []string{fmt.Sprintf("  in the goroutine started by the go statement at In[%d] line %d", cell, line)}
	lines = append(lines, traceLines("", cell, trace)...)
	lines = append(lines, "  (the panic was contained: the kernel and the other goroutines keep running)")
	return newError("panic", goPanicText(fmt.Sprint(value)), lines...)
}

// exitError reports os.Exit or log.Fatal in a cell as go run does: a status other than 0 is
// the cell's error, 0 is no error at all.
func exitError(ex programExit) *engine.Error {
	if ex.code == 0 {
		return nil
	}
	return newError("Exit", fmt.Sprintf("exit status %d", ex.code))
}
