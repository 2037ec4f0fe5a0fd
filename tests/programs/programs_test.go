// Package programs is the differential test of the kernel against the Go toolchain: every
// program in tests/testdata/programs is built and run by go, then run through the kernel,
// once in a fresh session per program and once with all programs in one session, and what
// they print must be equal.
//
// Programs that fail in a mode for a reason the kernel cannot help yet are listed in
// tests/testdata/programs/KNOWN_FAILURES; the test fails for any other difference and for a
// program listed as failing that now passes (a mode marked with ? may fail: timing decides).
// To see every difference and a list to start from:
//
//	go test ./tests/programs -count=1 -v -programs.known
package programs

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/concurlab/concurlab/kernel/engine"
	"github.com/concurlab/concurlab/kernel/engine/enginetest"
	"github.com/concurlab/concurlab/kernel/eval"
)

// programsDir holds the programs, their README and KNOWN_FAILURES.
const programsDir = "../testdata/programs"

// runTimeout bounds one program's run, by go or by the kernel: the programs take well under
// a second, so a run this long has hung.
const runTimeout = 5 * time.Second

var printKnown = flag.Bool("programs.known", false, "log a KNOWN_FAILURES list of what fails today")

// The modes a program runs in through the kernel: as one cell in a fresh session, as one
// cell each in one session, and as a learner types it into a notebook: its declarations in
// one cell and the body of its main in the next, whose statements then stand at the cell's
// top level (a fresh session each).
const (
	modeFresh   = "fresh"
	modeSession = "session"
	modeCells   = "cells"
)

// program is one file of programsDir.
type program struct {
	name   string // file name, such as closures_counter.go
	source string
	form   string // the normal form its output is compared in: "" (as is) or "sorted lines"
}

// run is what one run of a program printed on stdout and whether it failed.
type run struct {
	stdout string
	failed bool
	reason string // why it failed, in the runner's words
}

// TestProgramsAgainstGoRun runs every program through go and through the kernel in both
// modes and compares what they print.
func TestProgramsAgainstGoRun(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("the differential test needs the go command on PATH to build the programs: " + err.Error())
	}
	progs := loadPrograms(t)
	known := loadKnown(t, progs)
	// The toolchain builds and runs the programs while the kernel runs them: the build is
	// mostly linking, on other cores than the interpreter's.
	dir := t.TempDir()
	type goResult struct {
		runs []run
		err  error
		took time.Duration
	}
	fromGo := make(chan goResult, 1)
	go func() {
		start := time.Now()
		runs, err := goRuns(dir, progs)
		fromGo <- goResult{runs, err, time.Since(start)}
	}()

	start := time.Now()
	fresh := make([]run, len(progs))
	for i, p := range progs {
		s := newSession(t)
		fresh[i] = kernelRun(s, p, 1)
		s.Shutdown(false)
	}
	t.Logf("a fresh session for each program: %v", time.Since(start).Round(time.Millisecond))
	start = time.Now()
	session := make([]run, len(progs))
	s := newSession(t)
	for i, p := range progs {
		session[i] = kernelRun(s, p, i+1)
	}
	s.Shutdown(false)
	t.Logf("all programs in one session: %v", time.Since(start).Round(time.Millisecond))
	start = time.Now()
	cells := make([]run, len(progs))
	for i, p := range progs {
		cells[i] = cellsRun(t, p)
	}
	t.Logf("declarations and main's body as two cells: %v", time.Since(start).Round(time.Millisecond))
	g := <-fromGo
	if g.err != nil {
		t.Fatal(g.err)
	}
	t.Logf("go build and the binaries' runs: %v", g.took.Round(time.Millisecond))
	want := g.runs

	var list []string
	for _, mode := range []struct {
		name string
		runs []run
	}{{modeFresh, fresh}, {modeSession, session}, {modeCells, cells}} {
		same := 0
		for i, p := range progs {
			diff := compare(p, want[i], mode.runs[i])
			listed := known[p.name][mode.name]
			switch {
			case diff == "":
				same++
				if listed == fails {
					t.Errorf("%s (%s) now prints what go run prints: remove it from KNOWN_FAILURES", p.name, mode.name)
				}
			case listed == unlisted:
				t.Errorf("%s (%s): %s", p.name, mode.name, diff)
			}
			if diff != "" {
				list = append(list, fmt.Sprintf("%s %s %s", p.name, mode.name, firstLine(diff)))
			}
		}
		t.Logf("%s: %d of %d programs print what go run prints", mode.name, same, len(progs))
	}
	if *printKnown {
		slices.Sort(list)
		t.Logf("what fails today:\n%s", strings.Join(list, "\n"))
	}
}

// loadPrograms reads the programs in file name order.
func loadPrograms(t *testing.T) []program {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(programsDir, "*.go"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no programs in %s (%v)", programsDir, err)
	}
	var progs []program
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		p := program{name: filepath.Base(f), source: string(b)}
		if rest, ok := strings.CutPrefix(p.source, "// compare: "); ok {
			p.form, _, _ = strings.Cut(rest, "\n")
			if p.form != "sorted lines" {
				t.Fatalf("%s: unknown normal form %q (README.md defines \"sorted lines\")", p.name, p.form)
			}
		}
		progs = append(progs, p)
	}
	return progs
}

// listing is how KNOWN_FAILURES lists a program in a mode.
type listing int

const (
	unlisted listing = iota // it must print what go run prints
	fails                   // it differs, and the test fails when it no longer does
	mayFail                 // it differs in some runs: mode? in KNOWN_FAILURES
)

// loadKnown reads KNOWN_FAILURES: for each program, how each mode is listed. Each line is a
// file name, its modes joined by commas (mode? for one that fails only in some runs) and the
// reason; # starts a comment.
func loadKnown(t *testing.T, progs []program) map[string]map[string]listing {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(programsDir, "KNOWN_FAILURES"))
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	known := map[string]map[string]listing{}
	for n, line := range strings.Split(string(b), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Fields(line)
		if len(fields) < 3 {
			t.Fatalf("KNOWN_FAILURES:%d: want \"file.go mode[,mode] reason\", got %q", n+1, line)
		}
		if !slices.ContainsFunc(progs, func(p program) bool { return p.name == fields[0] }) {
			t.Errorf("KNOWN_FAILURES:%d: there is no program %s: remove the line", n+1, fields[0])
		}
		if known[fields[0]] == nil {
			known[fields[0]] = map[string]listing{}
		}
		for _, mode := range strings.Split(fields[1], ",") {
			how := fails
			if m, ok := strings.CutSuffix(mode, "?"); ok {
				mode, how = m, mayFail
			}
			if mode != modeFresh && mode != modeSession && mode != modeCells {
				t.Fatalf("KNOWN_FAILURES:%d: unknown mode %q (want %s, %s or %s)", n+1, mode, modeFresh, modeSession, modeCells)
			}
			known[fields[0]][mode] = how
		}
	}
	return known
}

// goRuns builds every program with the go command in one module in dir (one build, so that
// the toolchain compiles the shared packages once) and runs the binaries.
func goRuns(dir string, progs []program) ([]run, error) {
	mod, err := os.ReadFile("../../go.mod")
	if err != nil {
		return nil, err
	}
	sum, err := os.ReadFile("../../go.sum")
	if err != nil {
		return nil, err
	}
	_, requires, _ := bytes.Cut(mod, []byte("\n"))
	files := map[string][]byte{"go.mod": append([]byte("module programs\n"), requires...), "go.sum": sum}
	for _, p := range progs {
		files[filepath.Join("src", binName(p), "main.go")] = []byte(p.source)
	}
	for name, data := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return nil, err
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			return nil, err
		}
	}
	bin := filepath.Join(dir, "bin")
	build := exec.Command("go", "build", "-o", bin+string(filepath.Separator), "./src/...")
	build.Dir = dir
	build.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=")
	if out, err := build.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("go build of the programs failed (every program must be valid Go): %v\n%s", err, out)
	}

	runs := make([]run, len(progs))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 4)
	for i, p := range progs {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			runs[i] = goRun(filepath.Join(bin, binName(p)))
		})
	}
	wg.Wait()
	return runs, nil
}

// binName is the folder and binary name of a program.
func binName(p program) string { return strings.TrimSuffix(p.name, ".go") }

// goRun runs one binary.
func goRun(path string) run {
	ctx, cancel := context.WithTimeout(context.Background(), runTimeout)
	defer cancel()
	var stdout, stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, path)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	r := run{stdout: stdout.String(), failed: err != nil}
	if err != nil {
		r.reason = fmt.Sprintf("%v: %s", err, firstLine(stderr.String()))
	}
	return r
}

// kernelRun runs a program's text as one cell of s.
// newSession starts an evaluator session, failing the test when it cannot.
func newSession(t *testing.T) *eval.Session {
	t.Helper()
	s, err := eval.New(eval.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func kernelRun(s *eval.Session, p program, count int) run {
	return cellRun(s, p.source, count)
}

// cellRun runs code as cell count of s.
func cellRun(s *eval.Session, code string, count int) run {
	ctx, cancel := context.WithTimeout(context.Background(), runTimeout)
	defer cancel()
	out := &enginetest.Recorder{}
	reply := s.Execute(ctx, engine.ExecuteRequest{Code: code, ExecutionCount: count}, out)
	r := run{stdout: out.Text("stdout"), failed: reply.Error != nil}
	if reply.Error != nil {
		r.reason = reply.Error.Name + ": " + reply.Error.Value
	}
	return r
}

// cellsRun runs a program as two cells of a fresh session: everything but func main, then
// the statements of main's body. A program whose main returns early keeps its one cell: a
// return statement has no place at a cell's top level.
func cellsRun(t *testing.T, p program) run {
	t.Helper()
	decls, body, ok := splitMain(t, p)
	s := newSession(t)
	defer s.Shutdown(false)
	if !ok {
		return cellRun(s, p.source, 1)
	}
	first := cellRun(s, decls, 1)
	if first.failed {
		return first
	}
	second := cellRun(s, body, 2)
	second.stdout = first.stdout + second.stdout
	return second
}

// splitMain returns p's source without its package clause and func main, and the statements
// of main's body, one tab less indented; ok is false for a main with a return statement of
// its own.
func splitMain(t *testing.T, p program) (decls, body string, ok bool) {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, p.name, p.source, parser.ParseComments)
	if err != nil {
		t.Fatalf("%s: %v", p.name, err)
	}
	var main *ast.FuncDecl
	for _, d := range f.Decls {
		if fn, isFunc := d.(*ast.FuncDecl); isFunc && fn.Recv == nil && fn.Name.Name == "main" {
			main = fn
		}
	}
	if main == nil {
		t.Fatalf("%s has no func main", p.name)
	}
	returns := false
	ast.Inspect(main.Body, func(n ast.Node) bool {
		_, isReturn := n.(*ast.ReturnStmt)
		returns = returns || isReturn
		_, isLit := n.(*ast.FuncLit)
		return !isLit
	})
	if returns {
		return "", "", false
	}
	offset := func(pos token.Pos) int { return fset.Position(pos).Offset }
	start, end := offset(main.Pos()), offset(main.End())
	if main.Doc != nil {
		start = offset(main.Doc.Pos())
	}
	decls = p.source[offset(f.Name.End()):start] + p.source[end:]
	inner := strings.Trim(p.source[offset(main.Body.Lbrace)+1:offset(main.Body.Rbrace)], "\n")
	lines := strings.Split(inner, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimPrefix(l, "\t")
	}
	return decls, strings.Join(lines, "\n"), true
}

// compare returns "" when the kernel's run matches go's, or what differs.
func compare(p program, want, got run) string {
	switch {
	case want.failed && !got.failed:
		return fmt.Sprintf("go run fails (%s) but the kernel reports no error", want.reason)
	case !want.failed && got.failed:
		return fmt.Sprintf("the kernel fails: %s", got.reason)
	}
	w, g := normalize(p.form, want.stdout), normalize(p.form, got.stdout)
	if w == g {
		return ""
	}
	wl, gl := strings.SplitAfter(w, "\n"), strings.SplitAfter(g, "\n")
	i := 0
	for i < len(wl) && i < len(gl) && wl[i] == gl[i] {
		i++
	}
	at := func(lines []string) string {
		if i < len(lines) {
			return fmt.Sprintf("%q", lines[i])
		}
		return "the end"
	}
	diff := fmt.Sprintf("stdout differs at line %d: go run prints %s, the kernel %s", i+1, at(wl), at(gl))
	if got.failed {
		diff += " (" + got.reason + ")"
	}
	return diff + fmt.Sprintf("\n--- go run:\n%s--- kernel:\n%s", w, g)
}

// normalize puts output in a program's normal form.
func normalize(form, out string) string {
	if form != "sorted lines" {
		return out
	}
	lines := strings.SplitAfter(out, "\n")
	if last := len(lines) - 1; lines[last] == "" {
		lines = lines[:last]
	} else {
		lines[last] += "\n"
	}
	slices.Sort(lines)
	return strings.Join(lines, "")
}

// firstLine returns s up to its first newline.
func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
