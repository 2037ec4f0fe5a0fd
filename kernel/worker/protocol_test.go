package worker

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"reflect"
	"slices"
	"sync"
	"testing"
	"unicode"

	"github.com/concurlab/concurlab/kernel/engine"
)

// notCalled are the methods of engine.Engine and engine.Replayer that no call of the
// protocol serves, and why.
var notCalled = map[string]string{
	"Info":         "the supervisor answers from Options.Info, so that kernel_info never waits for a worker",
	"Declarations": "the worker sends them with the execute reply of a cell that changed them",
}

// TestProtocolCoversTheEngine walks the methods of engine.Engine and engine.Replayer: each
// must have its call, served in the worker, whose argument and reply types are the method's
// parameters and results. A method added to the engine fails here until the protocol has it.
func TestProtocolCoversTheEngine(t *testing.T) {
	methods := map[string]bool{}
	for _, iface := range []reflect.Type{reflect.TypeFor[engine.Engine](), reflect.TypeFor[engine.Replayer]()} {
		for m := range iface.Methods() {
			methods[m.Name] = true
			if _, ok := notCalled[m.Name]; ok {
				continue
			}
			h, ok := handlers[m.Name]
			if !ok {
				t.Errorf("%v.%s has no call in the worker protocol: add one in protocol.go, its handler in serve.go", iface, m.Name)
				continue
			}
			if !argsFit(h.args, params(m.Type)) {
				t.Errorf("the %s call takes %v, which does not hold the method's parameters %v", m.Name, h.args, params(m.Type))
			}
			if !replyFits(h.reply, results(m.Type)) {
				t.Errorf("the %s call replies %v, which does not hold the method's results %v", m.Name, h.reply, results(m.Type))
			}
		}
	}
	for name := range handlers {
		if unicode.IsUpper(rune(name[0])) && !methods[name] {
			t.Errorf("the %s call names no method of the engine: rename it in lower case if it is the protocol's own", name)
		}
	}
}

// params are the parameters of a method type, without the context and the Output, which do
// not travel.
func params(m reflect.Type) []reflect.Type {
	var ps []reflect.Type
	for p := range m.Ins() {
		if p != reflect.TypeFor[context.Context]() && p != reflect.TypeFor[engine.Output]() {
			ps = append(ps, p)
		}
	}
	return ps
}

// results are the results of a method type.
func results(m reflect.Type) []reflect.Type { return slices.Collect(m.Outs()) }

// argsFit tells whether a call's argument type carries params: it is the one parameter, or
// a struct of one field per parameter, in order.
func argsFit(args reflect.Type, params []reflect.Type) bool {
	if len(params) == 1 && args == params[0] {
		return true
	}
	if args.Kind() != reflect.Struct || args.NumField() != len(params) {
		return false
	}
	for i, p := range params {
		if args.Field(i).Type != p {
			return false
		}
	}
	return true
}

// replyFits tells whether a call's reply type carries results: nothing for none, an
// errorResult for an error, and for a value its type or a struct that holds it first.
func replyFits(reply reflect.Type, results []reflect.Type) bool {
	switch {
	case len(results) == 0:
		return reply == reflect.TypeFor[struct{}]()
	case len(results) > 1:
		return false
	case results[0] == reflect.TypeFor[error]():
		return reply == reflect.TypeFor[errorResult]()
	}
	return reply == results[0] || reply.Kind() == reflect.Struct && reply.NumField() > 0 && reply.Field(0).Type == results[0]
}

func TestProtocolTypeChecks(t *testing.T) {
	str, num := reflect.TypeFor[string](), reflect.TypeFor[int]()
	tests := []struct {
		name string
		got  bool
		want bool
	}{
		{"args in order", argsFit(reflect.TypeFor[completeArgs](), []reflect.Type{str, num}), true},
		{"args out of order", argsFit(reflect.TypeFor[completeArgs](), []reflect.Type{num, str}), false},
		{"args missing one", argsFit(reflect.TypeFor[isCompleteArgs](), []reflect.Type{str, num}), false},
		{"the one argument", argsFit(reflect.TypeFor[[]string](), []reflect.Type{reflect.TypeFor[[]string]()}), true},
		{"no result", replyFits(reflect.TypeFor[struct{}](), nil), true},
		{"a reply for no result", replyFits(reflect.TypeFor[engine.Completion](), nil), false},
		{"an error", replyFits(reflect.TypeFor[errorResult](), []reflect.Type{reflect.TypeFor[error]()}), true},
		{"the result", replyFits(reflect.TypeFor[engine.Completion](), []reflect.Type{reflect.TypeFor[engine.Completion]()}), true},
		{"the result first", replyFits(reflect.TypeFor[executeResult](), []reflect.Type{reflect.TypeFor[engine.ExecuteReply]()}), true},
		{"another result", replyFits(reflect.TypeFor[engine.Inspection](), []reflect.Type{reflect.TypeFor[engine.Completion]()}), false},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: %v, want %v", tt.name, tt.got, tt.want)
		}
	}
}

// callLog is an engine.Output that logs each call with its arguments.
type callLog struct {
	mu    sync.Mutex
	calls []string
}

func (l *callLog) log(method string, args ...any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.calls = append(l.calls, fmt.Sprintf("%s%q", method, args))
}

func (l *callLog) Stream(name, text string)     { l.log("Stream", name, text) }
func (l *callLog) Display(d engine.DisplayData) { l.log("Display", fmt.Sprint(d)) }
func (l *callLog) ClearOutput(wait bool)        { l.log("ClearOutput", wait) }
func (l *callLog) Input(prompt string, password bool) (string, error) {
	l.log("Input", prompt, password)
	return "", engine.ErrNoStdin
}

// outputCalls are a call of each method of engine.Output.
var outputCalls = map[string]func(engine.Output){
	"Stream": func(o engine.Output) { o.Stream("stderr", "oops\n") },
	"Display": func(o engine.Output) {
		o.Display(engine.DisplayData{Data: map[string]any{"text/plain": "picture"}, DisplayID: "d1", Update: true})
	},
	"ClearOutput": func(o engine.Output) { o.ClearOutput(true) },
	"Input":       func(o engine.Output) { o.Input("password?", true) },
}

// TestProtocolCarriesEachOutputMethod makes a call of each method of engine.Output in a
// worker's cell and checks that the supervisor makes the same call on the cell's Output.
func TestProtocolCarriesEachOutputMethod(t *testing.T) {
	for m := range reflect.TypeFor[engine.Output]().Methods() {
		t.Run(m.Name, func(t *testing.T) {
			publish, ok := outputCalls[m.Name]
			if !ok {
				t.Fatalf("engine.Output.%s has no case here: add one, and its event to protocol.go", m.Name)
			}
			direct := &callLog{}
			publish(direct)

			lines, w := io.Pipe()
			defer lines.Close()
			ctx, cancel := context.WithCancelCause(context.Background())
			child := &childOutput{id: 1, ctx: ctx, events: &eventWriter{w: w}, inputs: &inputWaiters{}}
			published := make(chan struct{})
			go func() { defer close(published); publish(child) }()
			var ev event
			err := json.NewDecoder(lines).Decode(&ev)
			cancel(engine.ErrCellOver) // an Input call stops waiting for its answer
			<-published
			if err != nil {
				t.Fatalf("reading the worker's event: %v", err)
			}

			carried := &callLog{}
			var gate engine.Gate
			gate.Open(carried, 1)
			p := &process{gate: &gate, enc: json.NewEncoder(io.Discard), cell: 1, logger: log.New(io.Discard, "", 0)}
			switch {
			case ev.Input != nil:
				p.answerInput(ev.ID, *ev.Input)
			case !ev.publish(&gate):
				t.Fatalf("the event %+v carries no output", ev)
			}
			gate.Close()
			if !slices.Equal(carried.calls, direct.calls) {
				t.Errorf("through the pipe %q, want %q", carried.calls, direct.calls)
			}
		})
	}
}
