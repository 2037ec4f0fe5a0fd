package eval

import (
	"fmt"
	"strings"

	"github.com/traefik/yaegi/interp"
)

// replayError is a declaration that failed when the interpreter was rebuilt.
type replayError struct {
	cell int
	err  *cellError
}

func (e *replayError) Error() string { return fmt.Sprintf("In[%d] %v", e.cell, e.err) }

// rebuild replaces the interpreter by a fresh one holding the imports and decls, carries the
// values of the session's variables over except those named fresh, and says which could not
// be carried. On failure the session is left as it was.
func (s *Session) rebuild(decls []declaration, fresh []string) error {
	in := s.newInterpreter()
	if len(s.imports) > 0 {
		var b strings.Builder
		b.WriteString("import (\n")
		for _, imp := range s.imports {
			fmt.Fprintf(&b, "\t%s\n", strings.TrimPrefix(imp.source(), "import "))
		}
		b.WriteString(")")
		if _, err := in.Eval(b.String()); err != nil {
			return err
		}
	}
	if err := replayDecls(in, decls); err != nil {
		return err
	}
	if s.stale {
		s.rt.rearm()
	}
	reset := carry(s.in, in, decls, s.imports, fresh)
	s.in, s.decls, s.stale = in, decls, false
	if len(reset) > 0 {
		s.ro.deliver("stderr", fmt.Sprintf("reset to their zero value (their type changed or cannot be carried into the rebuilt session): %s\n",
			strings.Join(reset, ", ")))
	}
	return nil
}

// replayDecls declares decls in in with one Eval (they may refer to each other in any
// order), mapping an error back to the cell and line of the declaration at fault.
func replayDecls(in *interp.Interpreter, decls []declaration) (err error) {
	if len(decls) == 0 {
		return nil
	}
	var b strings.Builder
	b.WriteString("\n")
	starts := make([]int, len(decls))
	line := 2
	for i, d := range decls {
		starts[i] = line
		b.WriteString(strings.Repeat(" ", d.col-1) + d.code + "\n")
		line += strings.Count(d.code, "\n") + 1
	}
	defer func() {
		if r := recover(); r != nil {
			err = internalError{r}
		}
	}()
	if _, err := in.Eval(b.String()); err != nil {
		ce, ok := yaegiCellError(err.Error())
		if !ok {
			return err
		}
		yline := ce.line + 1
		i := len(starts) - 1
		for i > 0 && starts[i] > yline {
			i--
		}
		ce.line = decls[i].line + yline - starts[i]
		return &replayError{cell: decls[i].cell, err: ce}
	}
	return nil
}
