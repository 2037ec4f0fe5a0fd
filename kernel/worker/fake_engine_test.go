package worker

import (
	"context"
	"errors"
	"fmt"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/concurlab/concurlab/kernel/engine"
)

// fakeEngine is the engine the test worker runs. Each line of a cell is a command:
//
//	print TEXT     publish TEXT on the cell's stdout stream
//	stdout TEXT    write TEXT to the process's real stdout (stderr TEXT: real stderr)
//	display TEXT   show TEXT as text/plain
//	number X       show the float X (NaN too) as application/json
//	result X       make the float X (NaN too) the cell's application/json result
//	input PROMPT   ask for a line and print "got LINE"
//	inputs N       N goroutines ask for a line at once, prompts q1 to qN; each prints "qI got LINE"
//	asklater P     a goroutine asks for a line with prompt P while the cell goes on
//	askafter P     a goroutine asks for a line with prompt P once the cell has ended
//	declare DECL   add DECL to the session's declarations
//	replayed       print what the engine was replayed with
//	pid            print the process id
//	late TEXT      write TEXT to the real stdout 200 ms after the cell ended
//	mapwrites      two goroutines write one map: fatal error: concurrent map writes
//	recurse        endless recursion: fatal error: stack overflow
//	nilpointer     a goroutine writes through a nil pointer
//	exit N         os.Exit(N)
//	exitlater N    os.Exit(N) 100 ms after the cell ended
//	stuck          block in a call that ignores the context
//	wait           block until the context is cancelled
type fakeEngine struct {
	mu       sync.Mutex
	decls    []string
	replayed []string
}

var _ engine.Replayer = (*fakeEngine)(nil)

func (f *fakeEngine) Info() engine.Info { return engine.Info{Implementation: "fake"} }

func (f *fakeEngine) Execute(ctx context.Context, req engine.ExecuteRequest, out engine.Output) engine.ExecuteReply {
	var reply engine.ExecuteReply
	for _, line := range strings.Split(req.Code, "\n") {
		cmd, arg, _ := strings.Cut(line, " ")
		if cmd == "result" {
			reply.Result = &engine.DisplayData{Data: numberBundle(arg)}
			continue
		}
		if e := f.run(ctx, cmd, arg, out); e != nil {
			return engine.ExecuteReply{Error: e}
		}
	}
	return reply
}

// numberBundle is the MIME bundle of the float that text spells, NaN and Inf included.
func numberBundle(text string) map[string]any {
	x, _ := strconv.ParseFloat(text, 64)
	return map[string]any{"application/json": x}
}

// run carries out one command; it returns the cell's error, if the command fails it.
func (f *fakeEngine) run(ctx context.Context, cmd, arg string, out engine.Output) *engine.Error {
	switch cmd {
	case "print":
		out.Stream("stdout", arg+"\n")
	case "stdout":
		fmt.Fprintln(os.Stdout, arg)
	case "stderr":
		fmt.Fprintln(os.Stderr, arg)
	case "display":
		out.Display(engine.DisplayData{Data: map[string]any{"text/plain": arg}})
	case "number":
		out.Display(engine.DisplayData{Data: numberBundle(arg)})
	case "input":
		line, err := out.Input(arg, false)
		if err != nil {
			return &engine.Error{Name: "InputError", Value: err.Error(), Traceback: []string{err.Error()}}
		}
		out.Stream("stdout", "got "+line+"\n")
	case "inputs":
		n, _ := strconv.Atoi(arg)
		var asking sync.WaitGroup
		for i := 1; i <= n; i++ {
			asking.Go(func() {
				prompt := "q" + strconv.Itoa(i)
				line, err := out.Input(prompt, false)
				out.Stream("stdout", fmt.Sprintf("%s got %s %v\n", prompt, line, err))
			})
		}
		asking.Wait()
	case "asklater":
		go askAndTell(out, arg)
	case "askafter":
		go func() {
			<-ctx.Done()
			askAndTell(out, arg)
		}()
	case "declare":
		f.mu.Lock()
		f.decls = append(f.decls, arg)
		f.mu.Unlock()
	case "replayed":
		f.mu.Lock()
		out.Stream("stdout", "replayed: "+strings.Join(f.replayed, ",")+"\n")
		f.mu.Unlock()
	case "pid":
		out.Stream("stdout", strconv.Itoa(os.Getpid())+"\n")
	case "late":
		go func() {
			time.Sleep(200 * time.Millisecond)
			fmt.Fprintln(os.Stdout, arg)
		}()
	case "mapwrites":
		writeMapConcurrently()
	case "recurse":
		debug.SetMaxStack(1 << 20)
		recurse(0)
	case "nilpointer":
		go func() {
			var p *int
			*p = 1
		}()
		select {}
	case "exit":
		code, _ := strconv.Atoi(arg)
		os.Exit(code)
	case "exitlater":
		code, _ := strconv.Atoi(arg)
		go func() {
			time.Sleep(100 * time.Millisecond)
			os.Exit(code)
		}()
	case "stuck":
		select {}
	case "burn":
		d, _ := time.ParseDuration(arg)
		for end := time.Now().Add(d); time.Now().Before(end); {
			spun.Add(1)
		}
	case "spin":
		go func() { // a compiled computation that no interrupt reaches
			for n := 0; ; n++ {
				spun.Store(int64(n))
			}
		}()
		<-ctx.Done()
		return &engine.Error{Name: "Interrupted", Value: "stopped", Traceback: []string{"stopped"}}
	case "wait":
		<-ctx.Done()
		return &engine.Error{Name: "Interrupted", Value: "stopped", Traceback: []string{"stopped"}}
	case "":
	default:
		return &engine.Error{Name: "UnknownCommand", Value: cmd, Traceback: []string{cmd}}
	}
	return nil
}

// askAndTell asks for a line with prompt and writes the error it gets, if any, to stderr.
func askAndTell(out engine.Output, prompt string) {
	if _, err := out.Input(prompt, false); err != nil {
		out.Stream("stderr", err.Error()+"\n")
	}
}

// spun is where the spin command's goroutine writes, so that its loop is not optimised away.
var spun atomic.Int64

// writeMapConcurrently makes the runtime fail with "concurrent map writes".
func writeMapConcurrently() {
	m := map[int]int{}
	for range 2 {
		go func() {
			for i := 0; ; i++ {
				m[i%100] = i
			}
		}()
	}
	select {}
}

// recurse calls itself until the stack overflows.
func recurse(n int) int { return recurse(n+1) + 1 }

func (f *fakeEngine) Complete(code string, cursor int) engine.Completion {
	return engine.Completion{Matches: []string{"complete:" + code}, CursorEnd: cursor}
}

func (f *fakeEngine) Inspect(code string, cursor, detailLevel int) engine.Inspection {
	return engine.Inspection{Found: true, Data: map[string]any{"text/plain": fmt.Sprintf("inspect:%s:%d", code, detailLevel)}}
}

func (f *fakeEngine) IsComplete(code string) engine.Completeness {
	if strings.HasSuffix(code, "{") {
		return engine.Completeness{Status: "incomplete", Indent: "  "}
	}
	return engine.Completeness{Status: "complete"}
}

func (f *fakeEngine) Shutdown(restart bool) {}

func (f *fakeEngine) Declarations() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.decls...)
}

// Replay declares decls; the declaration "bad" fails.
func (f *fakeEngine) Replay(decls []string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.replayed = append([]string(nil), decls...)
	f.decls = append([]string(nil), decls...)
	for _, d := range decls {
		if d == "bad" {
			return errors.New("bad: cannot declare")
		}
	}
	return nil
}
