package eval

import (
	"fmt"
	"slices"

	"github.com/concurlab/concurlab/kernel/engine"
)

// goCrash is the unrecovered panic of a goroutine that a go statement started, as goEnd
// recovered it: while a cell runs, it ends the cell as a panic in any goroutine ends a Go
// program.
type goCrash struct {
	cell, line int      // the go statement that started the goroutine
	value      any      // what the goroutine panicked with (a programExit for os.Exit)
	trace      []string // yaegi's panic trace lines, read when the goroutine ended
}

// Error says which goroutine panicked with what.
func (c *goCrash) Error() string {
	return fmt.Sprintf("panic in the goroutine started at In[%d] line %d: %v", c.cell, c.line, c.value)
}

// alone reports the panic of a goroutine that ended after its cell: no program was running
// for it to end, so it was contained. It is nil for os.Exit(0).
func (c *goCrash) alone() *engine.Error {
	return goroutinePanic(c.cell, c.line, c.value, c.trace)
}

// crashReport reports the goroutine panic c that ended cell: the panic in Go's words, where
// it happened, and the go statement that started the goroutine. For os.Exit in the
// goroutine it is the program's exit.
func (s *Session) crashReport(code string, cell int, c *goCrash) *engine.Error {
	if ex, ok := c.value.(programExit); ok {
		return exitError(ex)
	}
	e := s.panicReport(code, cell, c.value, c.trace)
	origin := fmt.Sprintf("  in the goroutine started by the go statement at In[%d] line %d", c.cell, c.line)
	if c.cell != cell {
		origin += fmt.Sprintf(" (an earlier cell's goroutine, still running while In[%d] ran)", cell)
	}
	e.Traceback = slices.Insert(e.Traceback, 1, origin)
	e.Traceback = append(e.Traceback, fmt.Sprintf("  The panic ended In[%d] as it ends a Go program: its goroutines were stopped; declarations and values are kept.", cell))
	return e
}

// lateCrash stops the program that the goroutine panic c ended and reports c, for a cell
// that another error ended first or whose chunks had all run when c came.
func (s *Session) lateCrash(code string, cell int, c *goCrash) *engine.Error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.failure(code, cell, c)
}
