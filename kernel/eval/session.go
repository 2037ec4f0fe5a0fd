package eval

import (
	"context"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/traefik/yaegi/interp"
	"github.com/traefik/yaegi/stdlib"
	"github.com/traefik/yaegi/stdlib/unsafe"

	"github.com/concurlab/concurlab/concur"
	"github.com/concurlab/concurlab/display"
	"github.com/concurlab/concurlab/kernel/complete"
	"github.com/concurlab/concurlab/kernel/engine"
	"github.com/concurlab/concurlab/kernel/eval/symbols"
	"github.com/concurlab/concurlab/kernel/gofront"
	"github.com/concurlab/concurlab/kernel/gofront/pkgtypes"
)

// Options configures a Session.
type Options struct {
	// DeadlockAfter is how long the cell and all its goroutines must stay blocked before the
	// cell ends as a deadlock. Zero means 500 ms; a negative value turns the check off.
	DeadlockAfter time.Duration
	// ResultLimit caps the text/plain of a cell's result, in bytes. Zero or less means 20 000.
	ResultLimit int
	// ProcessCommand is the command that starts a child of a real process pool
	// (concur.StartProcesses), a process that calls ServeProcess: the session installs it as
	// concur's ProcessStarter, of which a process has one (the last New's). Empty,
	// StartProcesses fails with concur.ErrNoProcessStarter.
	ProcessCommand []string
}

// Session is one interpreter session. It implements engine.Engine, engine.Replayer and
// engine.Resetter; its methods must be called one at a time, as the engine package says.
type Session struct {
	opts      Options
	ro        *cellStdio
	rt        *hostRuntime
	packages  map[string]map[string]reflect.Value
	completer *complete.Completer
	front     *gofront.Checker

	mu      sync.Mutex // guards the fields below against Scope readers
	in      *interp.Interpreter
	decls   []declaration
	imports []importSpec
	vars    []gofront.Var    // the variables that statements made, with their types
	checked *gofront.Checked // the running cell as the front end checked it
	stale   bool             // interrupted: the interpreter must be rebuilt before the next cell
	// settled holds copies of the variables of in as of its last chunk that ended. Once in is
	// halted, the goroutines that yaegi stopped may have written its variables last, with no
	// synchronisation a read could order after: the session then reads these copies.
	settled map[string]reflect.Value
	halted  *interp.Interpreter // the interpreter whose goroutines yaegi has stopped
	// sources are the declarations that the children of process pools replay (publishSources).
	sources atomic.Pointer[[]string]
}

var _ interface {
	engine.Engine
	engine.Replayer
	engine.Resetter
} = (*Session)(nil)

// New starts a session with an empty interpreter. It fails when the pipes behind the cells'
// os.Stdout and os.Stderr cannot be made (the process is out of file descriptors).
func New(opts Options) (*Session, error) {
	if opts.DeadlockAfter == 0 {
		opts.DeadlockAfter = 500 * time.Millisecond
	}
	if opts.ResultLimit <= 0 {
		opts.ResultLimit = 20000
	}
	ro, err := newCellStdio()
	if err != nil {
		return nil, fmt.Errorf("making the pipes for the cells' output: %w", err)
	}
	packages := map[string]map[string]reflect.Value{}
	for _, tables := range []map[string]map[string]reflect.Value{stdlib.Symbols, symbols.Exports()} {
		for k, v := range tables {
			packages[k] = v
		}
	}
	s := &Session{opts: opts, ro: ro, rt: newHostRuntime(ro), packages: packages, completer: complete.New(packages),
		front: gofront.NewChecker(pkgtypes.New())}
	s.front.Interpreted = interpreted(packages)
	display.SetSink(ro)
	concur.SetProgressReporter(func(title string, total int) concur.ProgressReporter {
		return display.LabeledProgress(title, total)
	})
	concur.SetProcessStarter(nil)
	if len(opts.ProcessCommand) > 0 {
		concur.SetProcessStarter(s.startProcess)
	}
	s.in = s.newInterpreter()
	s.settled = copyVars(s.in.Globals())
	return s, nil
}

// newInterpreter returns an interpreter with the symbol tables, the host runtime and the
// prelude, writing to the session's output pipes.
func (s *Session) newInterpreter() *interp.Interpreter {
	var stdin io.Reader = &stdin{ro: s.ro}
	in := interp.New(interp.Options{
		Stdin:  stdin,
		Stdout: s.ro.writer(s.ro.stdout),
		Stderr: s.ro.writer(s.ro.stderr),
		// Cells see and change the worker's real environment (yaegi's sandbox would hand
		// each fresh interpreter a copy of its own), so %env and os.Setenv last.
		Unrestricted: true,
	})
	osStdin := interp.Exports{"os/os": {"Stdin": reflect.ValueOf(&stdin).Elem()},
		"iter/iter": {}} // all generic: the front end instantiates what cells use of it
	// unsafe is there for the standard library's generic code that uses it (atomic.Pointer).
	for _, exports := range []interp.Exports{s.rt.stdlibSymbols(), unsafe.Symbols, symbols.Exports(), s.rt.exports(), s.rt.printExports(), osStdin} {
		if err := in.Use(exports); err != nil {
			panic("eval: cannot load symbols: " + err.Error())
		}
	}
	if _, err := in.Eval(prelude); err != nil {
		panic("eval: prelude: " + err.Error())
	}
	return in
}

// Info describes the evaluator and Go for kernel_info_reply. It does not use the session, so
// it may be called on a nil *Session.
func (s *Session) Info() engine.Info {
	version := strings.TrimPrefix(runtime.Version(), "go")
	return engine.Info{
		Implementation:        "concurlab",
		ImplementationVersion: "0.1.0",
		Banner:                "ConcurLab: Go " + version + " cells (yaegi) with the concur and display packages",
		Language: engine.LanguageInfo{
			Name: "go", Version: version, Mimetype: "text/x-go", FileExtension: ".go",
			PygmentsLexer: "go", CodemirrorMode: "go",
		},
		HelpLinks: []engine.HelpLink{
			{Text: "Go documentation", URL: "https://go.dev/doc/"},
			{Text: "Go packages", URL: "https://pkg.go.dev/std"},
			{Text: "ConcurLab notebooks", URL: "https://github.com/concurlab/concurlab/tree/main/notebooks"},
		},
	}
}

// Shutdown stops routing output. The session must not be used afterwards.
func (s *Session) Shutdown(restart bool) {
	s.rt.interrupt()
	s.ro.close()
}

// Reset forgets every declaration and value: the next cell runs in a fresh interpreter, and
// the goroutines of the old one are stopped.
func (s *Session) Reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.halt()
	s.rt.interrupt()
	concur.Interrupt()
	s.rt.rearm()
	s.rt.forgetTypes()
	s.in, s.decls, s.imports, s.vars, s.stale = s.newInterpreter(), nil, nil, nil, false
	s.settled = copyVars(s.in.Globals())
	s.publishSources()
}

// halt stops every goroutine of the session's interpreter at its next interpreted
// instruction; those in a compiled call stop when it returns. yaegi stops an interpreter
// only when an EvalWithContext is cancelled: halt runs one whose context is cancelled
// already, and yaegi stops at once. yaegi then compiles and runs the chunk on its goroutine
// all the same; halt waits until the chunk calls __cl_halt, so that the compilation is over
// before anything else uses the interpreter. __cl_halt, of the prelude, needs no new slot in
// the frame of globals that the goroutines being stopped read; the select keeps the chunk
// from ending before yaegi's stop. An interpreter is halted once.
func (s *Session) halt() {
	if s.halted == s.in {
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	compiled := s.rt.awaitHalt()
	_, _ = s.in.EvalWithContext(ctx, ";__cl_halt(); select {}")
	select {
	case <-compiled:
	case <-time.After(time.Second): // the chunk failed in a broken interpreter: it is replaced anyway
	}
	s.halted = s.in
}

// Execute runs one cell: see the package comment.
func (s *Session) Execute(ctx context.Context, req engine.ExecuteRequest, out engine.Output) engine.ExecuteReply {
	s.ro.begin(out, req.ExecutionCount)
	program, end := context.WithCancelCause(ctx)
	defer end(nil)
	s.rt.begin(end)
	result, err := s.run(program, req.Code, req.ExecutionCount)
	values := s.rt.takeValues()
	var reply engine.ExecuteReply
	if err == nil && len(req.UserExpressions) > 0 {
		reply.UserExpressions = s.userExpressions(ctx, req.UserExpressions)
	}
	s.ro.end()
	if crash := s.rt.end(); crash != nil {
		if e := s.lateCrash(req.Code, req.ExecutionCount, crash); err == nil {
			err = e
		}
	}
	switch {
	case err != nil:
		reply.Error = err
	case result:
		reply.Result = render(values, s.opts.ResultLimit)
	}
	return reply
}

// run evaluates the chunks of code in order; result tells whether the last one was a
// result expression. A failure of the evaluator itself is reported, never raised.
func (s *Session) run(ctx context.Context, code string, cell int) (result bool, failure *engine.Error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.runLocked(ctx, code, cell)
}

// runLocked is run with s.mu held.
func (s *Session) runLocked(ctx context.Context, code string, cell int) (result bool, failure *engine.Error) {
	defer func() {
		if r := recover(); r != nil {
			s.stale = true
			result, failure = false, newError("InternalError", fmt.Sprintf("the evaluator failed on In[%d]: %v", cell, r),
				"  The session will be rebuilt before the next cell, with your declarations and values; please report this cell.")
		}
	}()
	if s.stale {
		if err := s.rebuild(ctx, s.decls, nil, 0); err != nil {
			return false, newError("InternalError", "cannot rebuild the session: "+err.Error())
		}
	}
	var parsed []*parsedChunk
	for _, c := range splitCell(code) {
		if c.kind == packageChunk {
			if e := packageClause(c); e != nil {
				return false, compileError(code, cell, e)
			}
			continue
		}
		p, err := parseChunk(c)
		if err != nil {
			var ce *cellError
			if errors.As(err, &ce) {
				return false, compileError(code, cell, ce)
			}
			return false, newError("CompileError", err.Error())
		}
		parsed = append(parsed, p)
	}
	ck, failure := s.check(code, cell, parsed)
	if failure != nil {
		return false, failure
	}
	s.checked = ck
	defer func() { s.checked = nil }()
	if err := lowered(ck, parsed); err != nil {
		return false, s.failure(code, cell, err)
	}
	gen, err := s.generatedDecls(ck, cell)
	if err != nil {
		return false, s.failure(code, cell, err)
	}
	for _, imp := range s.adopt(ck) {
		if err := s.importPackage(ctx, imp, 1, 1); err != nil {
			return false, s.failure(code, cell, err)
		}
	}
	// The generated declarations join the cell's first declarations when no statement runs
	// before them; otherwise they are declared first.
	first := slices.IndexFunc(parsed, func(p *parsedChunk) bool { return p.kind != importChunk })
	if len(gen) > 0 && (first < 0 || parsed[first].kind != declChunk) {
		if err := s.runDecls(ctx, code, nil, gen, cell, nil); err != nil { // on their own
			return false, s.failure(code, cell, err)
		}
		gen = nil
	}
	calls := programFuncs(parsed)
	if defers(parsed) {
		defer func() {
			if !s.stale && (failure == nil || failure.Name == "panic") { // stale: the program ended
				if err := s.eval(ctx, runCellDefers); err != nil {
					result, failure = false, s.failure(code, cell, err)
				}
			}
		}()
	}
	for i := 0; i < len(parsed); i++ {
		p := parsed[i]
		var err error
		switch p.kind {
		case importChunk:
			err = s.runImport(ctx, p)
		case declChunk:
			run := i + 1
			for run < len(parsed) && parsed[run].kind == declChunk {
				run++
			}
			err = s.runDecls(ctx, code, parsed[i:run], gen, cell, ck.DeclVars)
			gen = nil
			i = run - 1
		default:
			s.publishSources()
			result, err = s.runStatements(ctx, p, cell, i == len(parsed)-1)
		}
		if err != nil {
			return false, s.failure(code, cell, err)
		}
	}
	for _, c := range calls {
		if err := s.eval(ctx, yaegiSource(stmtChunk, c.line, c.col, c.call)); err != nil {
			return false, s.failure(code, cell, err)
		}
		if c.main {
			// A program ends when main returns, and its goroutines with it: what they
			// would print afterwards is not shown, and they do not run on into later cells.
			s.ro.exit()
			s.endProgram()
		}
	}
	return result, nil
}

// runCellDefers runs the calls that the cell deferred at its top level, last first.
const runCellDefers = ";for len(" + gofront.CellDefers + ") > 0 { __cl_d := " + gofront.CellDefers + "[len(" + gofront.CellDefers + ")-1]; " +
	gofront.CellDefers + " = " + gofront.CellDefers + "[:len(" + gofront.CellDefers + ")-1]; __cl_d() }"

// defers reports whether a statement chunk has a defer statement outside its function
// literals: at its top level, or in a block or loop there.
func defers(chunks []*parsedChunk) bool {
	found := false
	for _, p := range chunks {
		for _, st := range p.stmts {
			ast.Inspect(st, func(n ast.Node) bool {
				switch n.(type) {
				case *ast.FuncLit:
					return false
				case *ast.DeferStmt:
					found = true
				}
				return !found
			})
		}
	}
	return found
}

// programCall is a call of a pasted program's init or main function, at its declaration.
type programCall struct {
	call      string
	line, col int
	main      bool
}

// programFuncs renames the init and main functions that chunks declare, which yaegi would
// run again on every later evaluation (#721), and returns their calls in Go's order: the
// inits as they stand, then main. An init's declaration takes its new name too, so that each
// init is a function of its own in the session (a rebuild keeps them all), not one that the
// next init replaces.
func programFuncs(chunks []*parsedChunk) []programCall {
	var inits, mains []programCall
	for _, p := range chunks {
		if p.kind != declChunk {
			continue
		}
		f, ok := p.file.Decls[0].(*ast.FuncDecl)
		if !ok || f.Recv != nil || (f.Name.Name != "main" && f.Name.Name != "init") {
			continue
		}
		pos := p.fset.Position(f.Pos())
		name := gofront.ProgramMain
		if f.Name.Name == "init" {
			name = fmt.Sprintf("__cl_init%d_%d", pos.Line, pos.Column)
		}
		start := p.offset(f.Name.Pos())
		p.lowered = append(p.lowered, edit{start: start, end: start + len(f.Name.Name), repl: name})
		call := programCall{call: name + "()", line: pos.Line, col: pos.Column, main: f.Name.Name == "main"}
		if f.Name.Name == "init" {
			f.Name.Name = name
			inits = append(inits, call)
		} else {
			mains = append(mains, call)
		}
	}
	return append(inits, mains...)
}

// packageClause accepts the package clause of a pasted program: a cell is package main.
// Comments may stand before, inside and after the clause, as in a Go file.
func packageClause(c chunk) *cellError {
	fset := token.NewFileSet()
	src := fmt.Sprintf("//line cell:%d:%d\n%s", c.line, c.col, c.text)
	file, err := parser.ParseFile(fset, "", src, parser.PackageClauseOnly)
	if err != nil {
		var ce *cellError
		if errors.As(positionedError(err), &ce) {
			return ce
		}
		return &cellError{line: c.line, col: c.col, msg: err.Error()}
	}
	if file.Name.Name == "main" {
		return nil
	}
	at := fset.Position(file.Package)
	return &cellError{line: at.Line, col: at.Column, msg: fmt.Sprintf("package %s is not a main package: a cell's code is in package main (write package main, or leave the clause out)", file.Name.Name)}
}
