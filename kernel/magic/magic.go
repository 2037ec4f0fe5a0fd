// Package magic adds notebook magics to an engine: lines at the top of a cell that start
// with % and act on the session (%time, %%trace, %gomaxprocs, %reset, %env, %help) rather
// than run as Go. Everything else passes through to the wrapped engine.
package magic

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/concurlab/concurlab/kernel/compiled"
	"github.com/concurlab/concurlab/kernel/engine"
)

// Wrap returns an engine that runs the magic lines at the top of each cell and passes the
// rest of the cell, and every other request, to inner. When inner is an engine.Replayer, so
// is the result.
func Wrap(inner engine.Engine) engine.Engine {
	w := &wrapper{inner: inner}
	if r, ok := inner.(engine.Replayer); ok {
		return replayingWrapper{w, r}
	}
	return w
}

type wrapper struct {
	inner    engine.Engine
	compiler compiled.Compiler
}

// replayingWrapper keeps inner's declarations reachable through the wrapper.
type replayingWrapper struct {
	*wrapper
	engine.Replayer
}

// call is one magic line: the magic and the text after its name. trace asks a cell magic
// to record the cell's concur events, for a %%trace before it.
type call struct {
	magic *magic
	arg   string
	trace bool
}

func (w *wrapper) Info() engine.Info { return w.inner.Info() }

func (w *wrapper) Shutdown(restart bool) { w.inner.Shutdown(restart) }

// Execute runs the cell's magics in order, each around the rest of the cell, and the Go
// code after them in inner. The magic lines reach inner as blank lines, so that positions
// in its errors stay those of the cell.
func (w *wrapper) Execute(ctx context.Context, req engine.ExecuteRequest, out engine.Output) engine.ExecuteReply {
	if name, ok := helpQuery(req.Code); ok {
		return w.page(name)
	}
	lines, body := splitMagics(req.Code)
	calls := make([]call, len(lines))
	for i, line := range lines {
		name, arg, _ := strings.Cut(strings.TrimSpace(line), " ")
		m := lookup(name)
		if m == nil {
			return engine.ExecuteReply{Error: usageError(fmt.Sprintf("unknown magic %s; the magics are %s (see %%help)", name, strings.Join(spellings(), ", ")))}
		}
		calls[i] = call{magic: m, arg: strings.TrimSpace(arg)}
		if m.cell != nil && i != len(lines)-1 {
			return engine.ExecuteReply{Error: usageError(fmt.Sprintf("%s runs the cell's code, so it must be the last magic line", name))}
		}
	}
	return w.run(ctx, req, body, cellTrace(calls), out)
}

// run runs the first call around the rest, and the body after the last call.
func (w *wrapper) run(ctx context.Context, req engine.ExecuteRequest, body string, calls []call, out engine.Output) engine.ExecuteReply {
	if len(calls) == 0 {
		if strings.TrimSpace(body) == "" {
			return engine.ExecuteReply{}
		}
		req.Code = body
		return w.inner.Execute(ctx, req, out)
	}
	if c := calls[0]; c.magic.cell != nil {
		req.Code = body
		return c.magic.cell(ctx, w, c, req, out)
	}
	next := func() engine.ExecuteReply { return w.run(ctx, req, body, calls[1:], out) }
	return calls[0].magic.run(w, calls[0].arg, out, next)
}

// cellTrace hands a %%trace over to the cell magic that ends calls, which records the events
// where the cell runs.
func cellTrace(calls []call) []call {
	if len(calls) == 0 || calls[len(calls)-1].magic.cell == nil {
		return calls
	}
	last := calls[len(calls)-1]
	kept := calls[:0:0]
	for _, c := range calls[:len(calls)-1] {
		if c.magic == lookup("%%trace") {
			last.trace = true
			continue
		}
		kept = append(kept, c)
	}
	return append(kept, last)
}

// Complete completes magic names on a magic line and passes Go code to inner.
func (w *wrapper) Complete(code string, cursor int) engine.Completion {
	lineStart, line := lineAt(code, cursor)
	if isMagicLine(code, lineStart) {
		if strings.Contains(line, " ") {
			return engine.Completion{Matches: []string{}, CursorStart: cursor, CursorEnd: cursor}
		}
		matches := []string{}
		for _, s := range spellings() {
			if strings.HasPrefix(s, line) {
				matches = append(matches, s)
			}
		}
		start := utf8.RuneCountInString(code[:lineStart])
		return engine.Completion{Matches: matches, CursorStart: start, CursorEnd: cursor}
	}
	_, body := splitMagics(code)
	return w.inner.Complete(body, cursor)
}

// Inspect shows a magic's help on a magic line and passes Go code to inner.
func (w *wrapper) Inspect(code string, cursor, detailLevel int) engine.Inspection {
	lineStart, _ := lineAt(code, cursor)
	if isMagicLine(code, lineStart) {
		end := strings.IndexByte(code[lineStart:], '\n')
		if end < 0 {
			end = len(code) - lineStart
		}
		name, _, _ := strings.Cut(strings.TrimSpace(code[lineStart:lineStart+end]), " ")
		if m := lookup(name); m != nil {
			return engine.Inspection{Found: true, Data: map[string]any{"text/plain": m.usage + "\n\n" + m.help}}
		}
		return engine.Inspection{}
	}
	_, body := splitMagics(code)
	return w.inner.Inspect(body, cursor, detailLevel)
}

// IsComplete judges the Go code after the magic lines; a cell of magics alone is complete.
func (w *wrapper) IsComplete(code string) engine.Completeness {
	lines, body := splitMagics(code)
	if len(lines) > 0 && strings.TrimSpace(body) == "" {
		return engine.Completeness{Status: "complete"}
	}
	return w.inner.IsComplete(body)
}

// splitMagics returns the magic lines at the top of code and the code with each of those
// lines blanked by spaces, so that offsets, lines and code points stay where they were.
func splitMagics(code string) (magics []string, body string) {
	rest := code
	var blanked strings.Builder
	for rest != "" {
		line, after, found := strings.Cut(rest, "\n")
		trimmed := strings.TrimSpace(line)
		if trimmed != "" && !strings.HasPrefix(trimmed, "%") {
			break
		}
		if trimmed != "" {
			magics = append(magics, trimmed)
		}
		blanked.WriteString(strings.Repeat(" ", utf8.RuneCountInString(line)))
		if found {
			blanked.WriteByte('\n')
		}
		rest = after
	}
	return magics, blanked.String() + rest
}

// lineAt returns the byte offset where the line holding cursor (in code points) starts, and
// the line's text before the cursor.
func lineAt(code string, cursor int) (start int, before string) {
	off := len(code)
	n := 0
	for i := range code {
		if n == cursor {
			off = i
			break
		}
		n++
	}
	start = strings.LastIndexByte(code[:off], '\n') + 1
	return start, strings.TrimLeft(code[start:off], " \t")
}

// isMagicLine reports whether the line starting at lineStart is among the magic lines at
// the top of code.
func isMagicLine(code string, lineStart int) bool {
	_, before := splitMagics(code[:lineStart])
	return strings.TrimSpace(before) == "" && strings.HasPrefix(strings.TrimLeft(code[lineStart:], " \t"), "%")
}

func usageError(msg string) *engine.Error {
	return &engine.Error{Name: "UsageError", Value: msg, Traceback: []string{"UsageError: " + msg}}
}
