package jupyter_test

import (
	"context"
	"math"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/concurlab/concurlab/kernel/engine"
)

// fakeEngine runs cells written in a tiny command language, one command a line:
//
//	print TEXT      stdout          eprint TEXT   stderr
//	display TEXT    display_data    update ID TEXT  update_display_data
//	show ID TEXT    display_data with a display id
//	clear           clear_output    result TEXT   the cell's result
//	error TEXT      the cell fails  input PROMPT  read a line and print it
//	block           wait for an interrupt           spin  burn CPU until interrupted
//	flood N         write N bytes in 1 KiB writes   panic  the engine panics
//
// Complete panics on the code "panic".
type fakeEngine struct {
	mu        sync.Mutex
	requests  []engine.ExecuteRequest
	shutdowns []bool
	// started receives the code of each cell as it starts.
	started chan string
	spins   atomic.Int64
	// kept is the Output of the last cell that ran "keep", for use after the cell ended.
	kept engine.Output
}

func newFakeEngine() *fakeEngine { return &fakeEngine{started: make(chan string, 2000)} }

func (e *fakeEngine) Info() engine.Info {
	return engine.Info{
		Implementation:        "fake",
		ImplementationVersion: "0.1",
		Banner:                "a fake engine",
		Language:              engine.LanguageInfo{Name: "go", Version: "1.26", Mimetype: "text/x-go", FileExtension: ".go", PygmentsLexer: "go", CodemirrorMode: "go"},
	}
}

func interrupted() engine.ExecuteReply {
	return engine.ExecuteReply{Error: &engine.Error{Name: "Interrupted", Value: "interrupted", Traceback: []string{"interrupted"}}}
}

func (e *fakeEngine) Execute(ctx context.Context, req engine.ExecuteRequest, out engine.Output) engine.ExecuteReply {
	e.mu.Lock()
	e.requests = append(e.requests, req)
	e.mu.Unlock()
	e.started <- req.Code
	var reply engine.ExecuteReply
	if len(req.UserExpressions) > 0 {
		reply.UserExpressions = map[string]engine.ExpressionValue{}
		for name, expr := range req.UserExpressions {
			reply.UserExpressions[name] = engine.ExpressionValue{Data: map[string]any{"text/plain": "value of " + expr}}
		}
	}
	for line := range strings.SplitSeq(req.Code, "\n") {
		cmd, arg, _ := strings.Cut(line, " ")
		switch cmd {
		case "print":
			out.Stream("stdout", arg+"\n")
		case "eprint":
			out.Stream("stderr", arg+"\n")
		case "display":
			out.Display(engine.DisplayData{Data: map[string]any{"text/plain": arg}})
		case "show", "update":
			id, text, _ := strings.Cut(arg, " ")
			out.Display(engine.DisplayData{Data: map[string]any{"text/plain": text}, DisplayID: id, Update: cmd == "update"})
		case "clear":
			out.ClearOutput(false)
		case "result":
			reply.Result = &engine.DisplayData{Data: map[string]any{"text/plain": arg}}
		case "error":
			reply.Error = &engine.Error{Name: "TestError", Value: arg, Traceback: []string{"line 1: " + arg}}
			return reply
		case "input":
			value, err := out.Input(arg, false)
			if err != nil {
				out.Stream("stderr", "input failed: "+err.Error()+"\n")
				if ctx.Err() != nil {
					return interrupted()
				}
				continue
			}
			out.Stream("stdout", "got "+value+"\n")
		case "nan":
			out.Display(engine.DisplayData{Data: map[string]any{"text/plain": math.NaN()}})
		case "keep":
			e.mu.Lock()
			e.kept = out
			e.mu.Unlock()
		case "block":
			<-ctx.Done()
			return interrupted()
		case "spin":
			for ctx.Err() == nil {
				e.spins.Add(1)
			}
			return interrupted()
		case "flood":
			n, _ := strconv.Atoi(arg)
			chunk := strings.Repeat("x", 1023) + "\n"
			for written := 0; written < n; written += len(chunk) {
				out.Stream("stdout", chunk)
			}
		case "panic":
			panic("the fake engine panics")
		}
	}
	return reply
}

func (e *fakeEngine) Complete(code string, cursor int) engine.Completion {
	if code == "panic" {
		panic("completion failed")
	}
	return engine.Completion{Matches: []string{"Println", "Printf"}, CursorStart: cursor - 1, CursorEnd: cursor}
}

func (e *fakeEngine) Inspect(code string, cursor, detailLevel int) engine.Inspection {
	if code == "" {
		return engine.Inspection{}
	}
	return engine.Inspection{Found: true, Data: map[string]any{"text/plain": "doc of " + code}}
}

func (e *fakeEngine) IsComplete(code string) engine.Completeness {
	switch {
	case strings.HasSuffix(code, "{"):
		return engine.Completeness{Status: "incomplete", Indent: "\t"}
	case strings.HasSuffix(code, "+"):
		return engine.Completeness{Status: "incomplete"}
	case strings.HasPrefix(code, "}"):
		return engine.Completeness{Status: "invalid"}
	}
	return engine.Completeness{Status: "complete"}
}

func (e *fakeEngine) Shutdown(restart bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.shutdowns = append(e.shutdowns, restart)
}

func (e *fakeEngine) executed() []engine.ExecuteRequest {
	e.mu.Lock()
	defer e.mu.Unlock()
	return append([]engine.ExecuteRequest(nil), e.requests...)
}
