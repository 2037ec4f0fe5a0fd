package eval

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/traefik/yaegi/interp"

	"github.com/concurlab/concurlab/concur"
	"github.com/concurlab/concurlab/kernel/engine"
)

// yaegiSource places text at its cell position in a source for the interpreter, one line
// down: yaegi puts its own "package main;" (and, for statements, "func main() {") on the
// first line. Statements start with ";" so that yaegi never takes a leading func literal
// for a declaration (which it would then run again after every later cell, #721).
func yaegiSource(kind chunkKind, line, col int, text string) string {
	prefix := ""
	if kind == stmtChunk {
		prefix = ";"
	}
	return prefix + strings.Repeat("\n", line) + strings.Repeat(" ", col-1) + text
}

// rewrites returns the edits of the go-statement and loop-variable rewrites of p, joined with
// the front end's (which replace what they span: a generic declaration is blanked), and shows
// the warnings of loops that could not be rewritten.
func (s *Session) rewrites(p *parsedChunk, cell int) []edit {
	edits, warnings := loopEdits(p)
	for _, w := range warnings {
		s.ro.deliver("stderr", fmt.Sprintf("In[%d] line %d:%d: %s\n", cell, w.line, w.col, w.msg))
	}
	edits = append(edits, goEdits(p, cell)...)
	edits = slices.DeleteFunc(edits, func(e edit) bool {
		return slices.ContainsFunc(p.lowered, func(l edit) bool { return l.start < e.start && e.end < l.end })
	})
	return append(edits, p.lowered...)
}

// runImport imports each package of p that the session does not have yet (yaegi fails on a
// second import of the same package, #1551).
func (s *Session) runImport(ctx context.Context, p *parsedChunk) error {
	for _, spec := range p.file.Imports {
		path, err := strconv.Unquote(spec.Path.Value)
		if err != nil {
			return err
		}
		imp := importSpec{path: path}
		if spec.Name != nil {
			imp.name = spec.Name.Name
		}
		pos := p.fset.Position(spec.Pos())
		if err := s.importPackage(ctx, imp, pos.Line, max(pos.Column-len("import "), 1)); err != nil {
			return err
		}
	}
	return nil
}

// importPackage imports imp unless the session has it, with its error at the cell's line and
// column.
func (s *Session) importPackage(ctx context.Context, imp importSpec, line, col int) error {
	if slices.Contains(s.imports, imp) {
		return nil
	}
	if err := s.eval(ctx, yaegiSource(importChunk, line, col, imp.source())); err != nil {
		return err
	}
	s.imports = append(s.imports, imp)
	return nil
}

// runDecls declares the declaration chunks of a cell, in one evaluation so that they may
// refer to each other in any order, as in a Go file. A redeclaration rebuilds the
// interpreter with the new versions, since yaegi would keep old callers bound to the old
// ones; re-running unchanged funcs, types or consts is a no-op. gen are the front end's
// declarations that the cell needs, declared with them.
func (s *Session) runDecls(ctx context.Context, code string, chunks []*parsedChunk, gen []declaration, cell int, varTypes map[string]string) error {
	var decls []declaration
	var texts []edit // each chunk's rewritten text, at its place in the cell
	for _, p := range chunks {
		edits := s.rewrites(p, cell)
		for _, d := range declarationsOf(p, cell, edits) {
			decls = append(decls, d.withZero(varTypes))
		}
		texts = append(texts, edit{start: p.from, end: p.from + len(p.text), repl: applyEdits(p.text, edits)})
	}
	decls = append(decls, gen...)
	if !slices.ContainsFunc(decls, s.redeclares) {
		if err := s.eval(ctx, yaegiSource(declChunk, 1, 1, only(code, texts)+generatedCode(gen))); err != nil {
			s.stale = true // yaegi keeps half of a declaration that failed, and fails on it later
			return err
		}
		s.decls = append(s.decls, decls...)
		s.registerTypes(ctx, s.in, decls)
		return nil
	}
	if !slices.ContainsFunc(decls, func(d declaration) bool { return !unchanged(s.decls, d) }) {
		return nil
	}
	all, fresh := s.decls, []string(nil)
	for _, d := range decls {
		all = replaced(all, d)
		fresh = append(fresh, varNames(d.keys, "var ")...)
	}
	return s.rebuild(ctx, all, fresh, len(decls))
}

// only returns code with the text of each of parts in its place and everything else blanked,
// line breaks kept, so that positions stay the cell's.
func only(code string, parts []edit) string {
	var b strings.Builder
	at := 0
	for _, p := range parts {
		b.WriteString(blank(code, at, p.start).repl)
		b.WriteString(p.repl)
		at = p.end
	}
	b.WriteString(blank(code, at, len(code)).repl)
	return b.String()
}

// redeclares reports whether d declares a name that the session has: in a declaration, or as
// a variable that a statement made (yaegi would make a second variable that old funcs don't see).
func (s *Session) redeclares(d declaration) bool {
	globals := s.globals()
	return redefines(s.decls, d.keys) || slices.ContainsFunc(declaredNames([]declaration{d}, topLevelKinds...), func(name string) bool {
		_, ok := globals[name]
		return ok
	})
}

// unchanged reports a declaration of no variable whose source is already declared as is.
func unchanged(decls []declaration, d declaration) bool {
	if len(varNames(d.keys, "var ")) > 0 {
		return false
	}
	return slices.ContainsFunc(decls, func(old declaration) bool { return old.source == d.source })
}

// runStatements runs p; when last, its final expression is the cell's result. It reports
// whether a result was captured.
func (s *Session) runStatements(ctx context.Context, p *parsedChunk, cell int, last bool) (bool, error) {
	edits := s.rewrites(p, cell)
	var result []edit
	if last {
		result = resultEdits(p)
	}
	err := s.eval(ctx, yaegiSource(stmtChunk, p.line, p.col, applyEdits(p.text, append(edits, result...))))
	if err != nil && len(result) > 0 && isNoValue(err) {
		result = nil
		err = s.eval(ctx, yaegiSource(stmtChunk, p.line, p.col, applyEdits(p.text, edits)))
	}
	if ce, ok := s.undefinedIn(p, err); ok {
		return false, ce
	}
	if _, isPanic := err.(interp.Panic); err != nil && !isPanic && len(result) > 0 {
		if ce, ok := yaegiCellError(err.Error()); ok {
			return false, unshift(ce, p, result[0])
		}
	}
	if err == nil {
		s.decls = superseded(s.decls, definedByStatements(p))
	}
	return len(result) > 0, err
}

// unshift moves the column of an error on the result line back over the inserted
// "__cl_show(", so that it points into the user's expression.
func unshift(ce *cellError, p *parsedChunk, inserted edit) *cellError {
	before := p.text[:inserted.start]
	line := p.line + strings.Count(before, "\n")
	col := inserted.start - strings.LastIndex(before, "\n")
	if !strings.Contains(before, "\n") {
		col = p.col + inserted.start
	}
	if ce.line == line && ce.col >= col+len(inserted.repl) {
		ce.col -= len(inserted.repl)
	}
	return ce
}

// internalError is a panic of yaegi itself while compiling or running a chunk.
type internalError struct{ value any }

func (e internalError) Error() string { return fmt.Sprintf("interpreter failure: %v", e.value) }

// eval evaluates src in the session's interpreter until it ends, ctx is cancelled, or the
// deadlock check gives up on it (the error is then the *deadlock).
func (s *Session) eval(ctx context.Context, src string) error {
	if rest, ok := strings.CutPrefix(src, ";"); ok { // a statement chunk
		src = ";" + s.rt.guard() + rest
	}
	return s.evalIn(ctx, s.in, src)
}

// evalIn is eval in the interpreter in, which a rebuild has not yet made the session's.
//
// yaegi's EvalWithContext compiles and runs the chunk on a goroutine of its own. Its
// ExecuteWithContext, which would let the chunk compile here and only run there, is not
// used: when it is cancelled, it returns through its named results while its goroutine
// still writes them, a data race that can tear the error it returns.
func (s *Session) evalIn(ctx context.Context, in *interp.Interpreter, src string) (err error) {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	stop := s.watchDeadlock(ctx, cancel)
	defer stop()
	defer func() {
		if r := recover(); r != nil {
			err = internalError{r}
		}
	}()
	_, err = in.EvalWithContext(ctx, src)
	if err != nil && errors.Is(err, ctx.Err()) {
		s.halted = in // yaegi stopped in, and its goroutine may still run the chunk
		return context.Cause(ctx)
	}
	p, ran := err.(interp.Panic)
	if ran && isInternal(p) {
		resizeFrame(in)
		return internalError{p.Value}
	}
	if in == s.in && (err == nil || ran) { // a chunk that did not compile changed no value
		s.settled = copyVars(in.Globals())
	}
	return err
}

// resizeFrame runs an empty chunk in in, for yaegi to size its frame of global variables
// again: a compilation that panicked may have declared a variable without room for it, and
// Globals, which a rebuild reads the values from, would then panic too.
func resizeFrame(in *interp.Interpreter) {
	defer func() { _ = recover() }()
	_, _ = in.Eval(";")
}

// isInternal tells a panic of yaegi's compiler (raised before any interpreted frame ran) from
// a panic of the cell.
func isInternal(p interp.Panic) bool {
	return strings.Contains(string(p.Stack), "interp.(*Interpreter).compileSrc")
}

// interrupted stops what an interrupt can stop and marks the interpreter for a rebuild, so
// that goroutines stuck in compiled calls (zombies) never resume in the session.
func (s *Session) interrupted() {
	s.rt.interrupt()
	concur.Interrupt()
	s.stale = true
}

// endProgram ends the session's program as Go ends one when main returns or os.Exit is
// called: every goroutine stops (at its next interpreted instruction, or when its compiled
// call returns), and the next cell runs in a rebuilt interpreter with the values carried.
func (s *Session) endProgram() {
	s.halt()
	s.interrupted()
}

// compileFailure is compileError with a hint when the undefined name is a package that the
// session has not imported.
func (s *Session) compileFailure(code string, cell int, ce *cellError) *engine.Error {
	e := compileError(code, cell, ce)
	name, undefined := strings.CutPrefix(ce.msg, "undefined: ")
	if path, ok := s.completer.ImportPath(name); undefined && ok && !s.knows(name) {
		e.Traceback = append(e.Traceback, fmt.Sprintf("  Hint: %s is a package; import it first: import %q", name, path))
	}
	return e
}

// failure turns an error of a chunk of cell into what the user sees.
func (s *Session) failure(code string, cell int, err error) *engine.Error {
	var dl *deadlock
	var p interp.Panic
	var ie internalError
	var re *replayError
	var ce *cellError
	var gc *goCrash
	switch {
	case errors.As(err, &gc):
		s.endProgram() // the program's other goroutines end with it
		return s.crashReport(code, cell, gc)
	case errors.As(err, &dl):
		s.interrupted()
		return dl.report()
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		s.interrupted()
		return newError("Interrupted", fmt.Sprintf("In[%d] was interrupted", cell),
			"  The cell and its goroutines were stopped; declarations and values of earlier cells are kept.")
	case errors.As(err, &p):
		if ex, ok := p.Value.(programExit); ok {
			s.endProgram()
			return exitError(ex)
		}
		return s.panicReport(code, cell, p.Value, s.ro.takeTrace())
	case errors.As(err, &ie):
		s.stale = true // a failure inside yaegi may leave its state inconsistent
		return newError("InterpreterError", fmt.Sprintf("In[%d] is valid Go, but the interpreter could not compile it", cell),
			"  The session is kept: it is rebuilt before the next cell, with your declarations and values.",
			"  Write the construct another way (for example split the statement in two), and please report the cell's code.")
	case errors.As(err, &re):
		if re.decl.cell == cell {
			return compileError(code, cell, re.err)
		}
		return newError("CompileError", fmt.Sprintf("replaying In[%d] line %d:%d: %s", re.decl.cell, re.err.line, re.err.col, re.err.msg),
			"  A declaration of an earlier cell no longer compiles with this cell's redefinition.")
	case errors.As(err, &ce):
		return s.compileFailure(code, cell, ce)
	}
	if ce, ok := yaegiCellError(err.Error()); ok {
		return interpreterLimit(code, cell, ce)
	}
	return newError("InterpreterError", fmt.Sprintf("In[%d] is valid Go, but the interpreter cannot run it: %s", cell, goWords(err.Error())))
}

// interpreterLimit reports what the interpreter refused in a cell that type-checked: valid
// Go that yaegi cannot run, at its cell position, in Go's words where yaegi's differ.
func interpreterLimit(code string, cell int, ce *cellError) *engine.Error {
	if ce.line > strings.Count(code, "\n")+1 { // in the instances of generic code that follow the cell
		return newError("InterpreterError", fmt.Sprintf("In[%d] is valid Go, but the interpreter cannot run the generic code it instantiates: %s", cell, goWords(ce.msg)),
			"  Write this construct another way (without the generic function or type); the session is unchanged.")
	}
	value := fmt.Sprintf("In[%d] line %d:%d: this is valid Go, but the interpreter cannot run it: %s", cell, ce.line, ce.col, goWords(ce.msg))
	lines := append(sourceContext(code, ce.line, ce.col), "  Write this construct another way; the session is unchanged.")
	return newError("InterpreterError", value, lines...)
}

// yaegiTypeName matches yaegi's names of basic types ("stringT", "intT").
var yaegiTypeName = regexp.MustCompile(`\b(bool|string|u?int(8|16|32|64)?|uintptr|float(32|64)|complex(64|128)|byte|rune|error|interface|func|struct|map|array|slice|chan|ptr|variadic)T\b`)

// goWords rewrites what yaegi says in Go's terms: its type names, its file name.
func goWords(msg string) string {
	msg = yaegiTypeName.ReplaceAllString(msg, "$1")
	msg = strings.ReplaceAll(msg, "_.go:", "line ")
	return strings.TrimPrefix(msg, "interpreter failure: ")
}
