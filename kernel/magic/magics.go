package magic

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/concurlab/concurlab/concur"
	"github.com/concurlab/concurlab/display"
	"github.com/concurlab/concurlab/kernel/compiled"
	"github.com/concurlab/concurlab/kernel/engine"
)

// magic is one magic: how it is written, what %help says of it, and what it does around
// next, which runs the rest of the cell. A cell magic (cell set, run nil) runs the cell's
// code itself, instead of the wrapped engine.
type magic struct {
	names []string // spellings, the first one shown by %help
	usage string
	help  string
	run   func(w *wrapper, arg string, out engine.Output, next func() engine.ExecuteReply) engine.ExecuteReply
	cell  func(ctx context.Context, w *wrapper, c call, req engine.ExecuteRequest, out engine.Output) engine.ExecuteReply
}

// magics are all the magics, in the order %help lists them. It is filled by init, because
// %help reads it.
var magics []*magic

func init() {
	magics = []*magic{
		{[]string{"%help"}, "%help", "List the magics and the basics of display and concur.", runHelp, nil},
		{[]string{"%time", "%%time"}, "%time", "Print the wall time and the CPU time (user, system) of the rest of the cell.", runTime, nil},
		{[]string{"%%trace", "%trace"}, "%%trace", "Record the concur events of the cell and draw their timeline after it.", runTrace, nil},
		{[]string{"%gomaxprocs"}, "%gomaxprocs [N]", "Show runtime.GOMAXPROCS, or set it to N.", runGOMAXPROCS, nil},
		{[]string{"%reset"}, "%reset", "Start a fresh interpreter: forget every declaration and value.", runReset, nil},
		{[]string{"%env"}, "%env [NAME[=VALUE]]", "List the environment, show NAME, or set NAME to VALUE.", runEnv, nil},
		{names: []string{"%%compile"}, usage: "%%compile [go build flags]", help: "Build the cell with the Go toolchain and run it as a program (last magic line; see below).", cell: runCompile},
	}
}

func lookup(name string) *magic {
	for _, m := range magics {
		if slices.Contains(m.names, name) {
			return m
		}
	}
	return nil
}

// spellings lists every way the magics can be written.
func spellings() []string {
	var all []string
	for _, m := range magics {
		all = append(all, m.names...)
	}
	return all
}

const basics = `
Rich output (import "display"):
  display.HTML(s), display.Markdown(s), display.SVG(s), display.PNG(b), display.JPEG(b),
  display.JSON(v), display.Text(s)           show at once
  h := display.Show(display.Bundle{...})     show a MIME bundle; h.Update(...) replaces it
  p := display.Progress(n); p.Add(1); p.Done()  a live progress bar
  display.Bars, BeforeAfter, Lines, Histogram  charts (a cell's value, or display.SVG(c.SVG()))
  display.SetLanguage(display.English)         labels in English, Chinese or both (the default)
  A cell's last value renders richly when it has an HTML, SVG or Markdown method.

Concurrency (import "concur"):
  concur.Go(f), concur.GoNamed(name, f)      named threads; t.Join()
  concur.NewMailbox(n), concur.NewQueue(n)   message passing, blocking and not
  concur.Async(f)                            futures
  g := concur.NewGIL(d); g.Go(f)             a GIL as CPython's; g.SetInterval(d), g.Stats()
  concur.CPUWork(n), concur.NativeWork(n), concur.IOWork(d)  bytecode, C code freed of the GIL, I/O
  concur.Convoy(interval, ops, io, true)     the convoy effect, as forced waits per I/O operation
  concur.NewThreadPool(n), concur.NewProcessPool(n)  pools with and without a shared GIL
  concur.PythonProcessCosts().BreakEven(w, n, bytes)  the task size a process pool needs
  pool, err := concur.StartProcesses(n)      REAL processes (the pools above are simulated):
    pool.Call("square", 7, &out)             each replays the session's declarations, runs a
    pool.Go(name, arg, &out), pool.PIDs()    func by name; arguments copied by gob (as pickle);
    pool.StartUps(), pool.Close()            own PIDs and memory; Interrupt and %reset kill them
  concur.OSThreads()                         goroutines against OS threads (goroutines have no names)
  %%trace on a cell's first line draws what its threads did.
Compiled cells (%%compile, %%compile -race, %%compile -tags x):
  The cell is built by the go command (on PATH or in $GOROOT/bin) and runs as a child
  process, at native speed; -race runs Go's race detector, its reports at the cells' lines.
  A cell with package main and func main is the program; otherwise the cell is main's body,
  and the imports and declarations (funcs, types, consts, vars with their initialisers) of
  earlier cells are part of the program. Values that earlier cells' statements computed
  (x := ...) live in the interpreter and are NOT carried: compute them in the cell.
  display and concur work as in other cells; stdin asks for input; Interrupt stops the
  program. Builds are cached (os.UserCacheDir()/concurlab/compile): an unchanged cell runs
  again without a build. %time before %%compile times build and run; %%trace draws the
  program's concur events.
  concur.Timelines(title, concur.Run{Name: "1 thread", Trace: t1}, ...)  traces on one time scale
Press Shift+Tab (or Tab after a dot) for completion and documentation.`

func runHelp(_ *wrapper, _ string, out engine.Output, next func() engine.ExecuteReply) engine.ExecuteReply {
	var b strings.Builder
	b.WriteString("Magics (at the top of a cell):\n")
	for _, m := range magics {
		fmt.Fprintf(&b, "  %-22s %s\n", m.usage, m.help)
	}
	b.WriteString(basics + "\n")
	out.Stream("stdout", b.String())
	return next()
}

func runCompile(ctx context.Context, w *wrapper, c call, req engine.ExecuteRequest, out engine.Output) engine.ExecuteReply {
	src := compiled.Source{Cell: []compiled.Piece{{Kind: compiled.Package, Text: req.Code, Cell: req.ExecutionCount, Line: 1, Col: 1}}}
	if s, ok := w.inner.(compiled.Sourcer); ok {
		src = s.CompileSource(req.Code, req.ExecutionCount)
	}
	return w.compiler.Execute(ctx, compiled.Request{Cell: req.ExecutionCount, Flags: c.arg, Source: src, Trace: c.trace}, out)
}

func runTime(_ *wrapper, _ string, out engine.Output, next func() engine.ExecuteReply) engine.ExecuteReply {
	userBefore, sysBefore := cpuTimes()
	start := time.Now()
	reply := next()
	wall := time.Since(start)
	userAfter, sysAfter := cpuTimes()
	user, sys := userAfter-userBefore, sysAfter-sysBefore
	out.Stream("stdout", fmt.Sprintf("CPU times: user %v, sys %v, total %v\nWall time: %v\n",
		round(user), round(sys), round(user+sys), round(wall)))
	return reply
}

// round keeps three significant digits of d.
func round(d time.Duration) time.Duration {
	unit := time.Duration(1)
	for d >= 1000*unit {
		unit *= 10
	}
	return d.Round(unit)
}

func runTrace(_ *wrapper, _ string, out engine.Output, next func() engine.ExecuteReply) engine.ExecuteReply {
	trace := concur.StartTrace()
	reply := next()
	trace.Stop()
	if trace.Len() == 0 {
		out.Stream("stdout", "%%trace: the cell recorded no concur events.\n")
		return reply
	}
	picture := display.SVGBundle(trace.SVG())
	picture["text/plain"] = fmt.Sprintf("<concur timeline of %d events>", trace.Len())
	out.Display(engine.DisplayData{Data: picture})
	return reply
}

func runGOMAXPROCS(_ *wrapper, arg string, out engine.Output, next func() engine.ExecuteReply) engine.ExecuteReply {
	if arg == "" {
		out.Stream("stdout", fmt.Sprintf("GOMAXPROCS = %d (NumCPU = %d)\n", runtime.GOMAXPROCS(0), runtime.NumCPU()))
		return next()
	}
	n, err := strconv.Atoi(arg)
	if err != nil || n < 1 {
		return engine.ExecuteReply{Error: usageError(fmt.Sprintf("%%gomaxprocs wants a positive number, not %q", arg))}
	}
	old := runtime.GOMAXPROCS(n)
	out.Stream("stdout", fmt.Sprintf("GOMAXPROCS = %d (was %d; NumCPU = %d)\n", n, old, runtime.NumCPU()))
	return next()
}

func runReset(w *wrapper, _ string, out engine.Output, next func() engine.ExecuteReply) engine.ExecuteReply {
	r, ok := w.inner.(engine.Resetter)
	if !ok {
		return engine.ExecuteReply{Error: usageError("%reset: this engine cannot start afresh")}
	}
	r.Reset()
	out.Stream("stdout", "Session reset: a fresh interpreter, with no declarations, values or imports.\n")
	return next()
}

func runEnv(_ *wrapper, arg string, out engine.Output, next func() engine.ExecuteReply) engine.ExecuteReply {
	name, value, set := strings.Cut(arg, "=")
	name = strings.TrimSpace(name)
	switch {
	case arg == "":
		env := os.Environ()
		slices.Sort(env)
		out.Stream("stdout", strings.Join(env, "\n")+"\n")
	case set:
		if err := os.Setenv(name, value); err != nil {
			return engine.ExecuteReply{Error: usageError("%env: " + err.Error())}
		}
		out.Stream("stdout", fmt.Sprintf("env: %s=%s\n", name, value))
	default:
		v, ok := os.LookupEnv(name)
		if !ok {
			v = "(not set)"
		}
		out.Stream("stdout", fmt.Sprintf("%s=%s\n", name, v))
	}
	return next()
}
