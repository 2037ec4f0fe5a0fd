package compiled

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/concurlab/concurlab/kernel/engine"
)

// cellPosition matches a position in a cell's file (see cellFile), as the compiler, the
// runtime's tracebacks and the race detector write it, with or without a directory.
var cellPosition = regexp.MustCompile(`(?:[^\s:()"]*/)?__cell_(\d+)\.go:(\d+)(?::(\d+))?`)

// mapPositions rewrites the positions in text to the cells' lines, In[n] line L[:C], where
// current is the execution count of the compiled cell (thisCell in the program).
func mapPositions(text string, current int) string {
	return cellPosition.ReplaceAllStringFunc(text, func(pos string) string {
		m := cellPosition.FindStringSubmatch(pos)
		cell := cellNumber(m[1], current)
		if m[3] != "" {
			return fmt.Sprintf("In[%d] line %s:%s", cell, m[2], m[3])
		}
		return fmt.Sprintf("In[%d] line %s", cell, m[2])
	})
}

// cellNumber is the execution count of the cell that a program's file number n stands for.
func cellNumber(n string, current int) int {
	cell, _ := strconv.Atoi(n)
	if cell == thisCell {
		return current
	}
	return cell
}

// compileLine matches one error of the compiler's report.
var compileLine = regexp.MustCompile(`^(?:\S*/)?__cell_(\d+)\.go:(\d+):(\d+): (.*)$`)

// undefinedName matches the compiler's error for a name that nothing declares.
var undefinedName = regexp.MustCompile(`^undefined: (\w+)$`)

// buildFailure is the cell's error for a failed build: each of the compiler's errors at its
// cell and line, with the line and a caret under the column, and a note on variables whose
// values only the interpreter has.
func buildFailure(e *buildError, pieces []Piece, current int, values []string) *engine.Error {
	if e.library {
		return failure("CompileError", "concur or display did not build for this cell (is the Go toolchain older than the kernel's go 1.26?)",
			strings.Split(strings.TrimSpace(e.report), "\n")...)
	}
	var value string
	var lines []string
	for _, line := range strings.Split(strings.TrimSpace(e.report), "\n") {
		if strings.HasPrefix(line, "# ") {
			continue // the go command's heading: the package
		}
		m := compileLine.FindStringSubmatch(line)
		if m == nil {
			lines = append(lines, mapPositions(line, current))
			continue
		}
		file, _ := strconv.Atoi(m[1])
		ln, _ := strconv.Atoi(m[2])
		col, _ := strconv.Atoi(m[3])
		msg := fmt.Sprintf("In[%d] line %d:%d: %s", cellNumber(m[1], current), ln, col, m[4])
		if value == "" {
			value = msg
		}
		lines = append(lines, msg)
		lines = append(lines, sourceLine(pieces, file, ln, col)...)
		if u := undefinedName.FindStringSubmatch(m[4]); u != nil && slices.Contains(values, u[1]) {
			lines = append(lines, fmt.Sprintf("  %s is a variable that an earlier cell's statements made: its value lives in the interpreter, and a compiled cell does not carry values over.", u[1]),
				"  Compute it in this cell, or declare it at package level (var "+u[1]+" = ...) in an earlier cell, whose initialiser the program runs again.")
		}
	}
	if value == "" {
		value = "the build failed"
	}
	return failure("CompileError", value, lines...)
}

// sourceLine shows line ln of the program's cell file as the pieces hold it, with a caret under col.
func sourceLine(pieces []Piece, cell, ln, col int) []string {
	for _, p := range pieces {
		text := strings.Split(p.Text, "\n")
		if p.Cell != cell || ln < p.Line || ln >= p.Line+len(text) {
			continue
		}
		src := text[ln-p.Line]
		if ln == p.Line {
			src = strings.Repeat(" ", max(p.Col-1, 0)) + src
		}
		return engine.SourceLines(ln, src, col)
	}
	return nil
}

// failure is a cell's error, its first line in red.
func failure(name, value string, lines ...string) *engine.Error {
	return engine.NewError(name, value, lines...)
}
