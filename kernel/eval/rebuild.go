package eval

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/traefik/yaegi/interp"

	"github.com/concurlab/concurlab/kernel/gofront"
)

// replayError is a declaration that failed when the interpreter was rebuilt.
type replayError struct {
	index int // in the declarations replayed
	decl  declaration
	err   *cellError
}

func (e *replayError) Error() string { return fmt.Sprintf("In[%d] %v", e.decl.cell, e.err) }

// rebuild replaces the interpreter by a fresh one holding the imports, decls and the
// variables that statements made, carries the variables' values over except those named
// fresh, and says which could not be carried. An earlier declaration that no longer compiles
// (it used what a later cell redeclared) is dropped with a notice, so that the session never
// wedges; when one of the last added of decls fails, the cell's new declaration is at fault,
// and the session is left as it was.
func (s *Session) rebuild(ctx context.Context, decls []declaration, fresh []string, added int) error {
	dropped, err := s.rebuildDropping(ctx, decls, fresh, added)
	if err == nil && len(dropped) > 0 {
		var lines []string
		for _, re := range dropped {
			lines = append(lines, fmt.Sprintf("  %s (from In[%d]): %v", strings.Join(re.decl.keys, ", "), re.decl.cell, re.err))
		}
		s.ro.deliver("stderr", "dropped, since they no longer compile with the new declarations:\n"+strings.Join(lines, "\n")+"\n")
	}
	return err
}

// rebuildDropping is rebuild that returns the declarations it dropped instead of showing them.
func (s *Session) rebuildDropping(ctx context.Context, decls []declaration, fresh []string, added int) ([]*replayError, error) {
	var dropped []*replayError
	for {
		err := s.rebuildWith(ctx, decls, fresh)
		var re *replayError
		if !errors.As(err, &re) || re.index >= len(decls)-added {
			return dropped, err
		}
		dropped = append(dropped, re)
		decls = slices.Delete(slices.Clone(decls), re.index, re.index+1)
	}
}

// rebuildWith is one attempt of rebuild with decls.
func (s *Session) rebuildWith(ctx context.Context, decls []declaration, fresh []string) error {
	in := s.newInterpreter()
	if len(s.imports) > 0 {
		var b strings.Builder
		b.WriteString("import (\n")
		for _, imp := range s.imports {
			fmt.Fprintf(&b, "\t%s\n", strings.TrimPrefix(imp.source(), "import "))
		}
		b.WriteString(")")
		if err := s.evalIn(ctx, in, b.String()); err != nil {
			return err
		}
	}
	old := s.globals()
	names := sessionVars(old, decls)
	vars := varDecls(s.vars, decls)
	if err := s.replayDecls(ctx, in, carried(decls, old, fresh), vars); err != nil {
		return err
	}
	if s.stale {
		s.rt.rearm()
	}
	s.rt.forgetTypes()
	s.registerTypes(ctx, in, decls)
	current := in.Globals()
	reset := carryValues(names, old, current, fresh)
	// Only the user's variables are told of: the interpreter keeps the variables of blocks
	// among a cell's top-level statements as globals too, which the user never saw as such.
	declared := declaredNames(decls, "var ")
	reset = slices.DeleteFunc(reset, func(name string) bool {
		return !slices.Contains(declared, name) && !slices.ContainsFunc(s.vars, func(v gofront.Var) bool { return v.Name == name })
	})
	slices.Sort(reset)
	s.in, s.decls, s.stale, s.settled = in, decls, false, copyVars(current)
	if len(reset) > 0 {
		s.ro.deliver("stderr", fmt.Sprintf("reset to their zero value (their type changed or cannot be carried into the rebuilt session): %s\n",
			strings.Join(reset, ", ")))
	}
	return nil
}

// registerTypes tells the host runtime the reflect type of each struct type that decls
// declare, so that later rebuilds can declare variables of those types, and the methods of
// the session's types that fmt and errors call. Types that cannot be named so (generic
// ones) are skipped.
func (s *Session) registerTypes(ctx context.Context, in *interp.Interpreter, decls []declaration) {
	for _, d := range decls {
		for _, name := range varNames(d.keys, "type ") {
			goName := name
			if d.generated {
				goName = cmp.Or(d.shown, d.of) // Set[string], not the instance's declaration's name
			}
			_ = s.evalIn(ctx, in, fmt.Sprintf("__rt.TypeName(%q, (*%s)(nil))", goName, name))
		}
	}
	s.registerMethods(ctx, in, decls)
}

// replayDecls declares decls, then vars, in in with one Eval (they may refer to each other in
// any order), mapping an error back to the cell and line of the declaration at fault.
func (s *Session) replayDecls(ctx context.Context, in *interp.Interpreter, decls []declaration, vars string) error {
	if len(decls) == 0 && vars == "" {
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
	b.WriteString(vars)
	if err := s.evalIn(ctx, in, b.String()); err != nil {
		if _, isPanic := err.(interp.Panic); isPanic {
			return err
		}
		ce, ok := yaegiCellError(err.Error())
		if !ok || len(decls) == 0 || ce.line+1 >= line {
			return err
		}
		yline := ce.line + 1
		i := len(starts) - 1
		for i > 0 && starts[i] > yline {
			i--
		}
		ce.line = decls[i].line + yline - starts[i]
		return &replayError{index: i, decl: decls[i], err: ce}
	}
	return nil
}

// carried returns decls with the var declarations whose variables old holds, and that are
// not fresh, replaced by their zero declarations: their values are carried over, and their
// initialisers do not run again.
func carried(decls []declaration, old map[string]reflect.Value, fresh []string) []declaration {
	out := slices.Clone(decls)
	for i, d := range out {
		names := varNames(d.keys, "var ")
		if d.zero == "" || slices.ContainsFunc(names, func(n string) bool {
			_, ok := old[n]
			return !ok || slices.Contains(fresh, n)
		}) {
			continue
		}
		out[i].code = d.zero
	}
	return out
}
