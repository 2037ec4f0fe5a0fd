package worker

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"runtime/debug"
	"slices"
	"sync"
	"time"

	"github.com/concurlab/concurlab/kernel/engine"
)

// Serve runs eng for a supervisor: it reads newline-delimited JSON requests from requests
// and writes events to events until the request stream ends (the supervisor closed it or
// died) or a shutdown request arrives; both return nil.
//
// A cell runs on its own goroutine, so that interrupt and input_reply requests are read while
// it runs; the other requests are answered in turn, as the engine.Engine contract allows.
func Serve(eng engine.Engine, requests io.Reader, events io.Writer) error {
	s := &server{eng: eng, events: &eventWriter{w: events}, release: debug.FreeOSMemory, runner: make(chan func())}
	go s.runCells()
	defer close(s.runner)
	defer s.stopIdleRelease()
	defer s.stopCell()
	dec := json.NewDecoder(requests)
	for {
		var req receivedRequest
		if err := dec.Decode(&req); err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return fmt.Errorf("reading requests: %w", err)
		}
		if !s.handle(req) {
			return nil
		}
	}
}

// releaseAfter is how long the worker stays without a cell before it hands the memory that
// cells freed back to the system, so that an idle kernel holds what the session keeps and
// not what its cells once used.
const releaseAfter = 500 * time.Millisecond

// server is Serve's state: the engine, the event pipe and the cell that runs, if any.
type server struct {
	eng    engine.Engine
	events *eventWriter
	// release returns freed memory to the system (debug.FreeOSMemory).
	release func()

	// inputs are the cells' Input calls waiting for their replies.
	inputs inputWaiters

	// runner feeds the goroutine that runs cells (runCells).
	runner chan func()

	mu   sync.Mutex
	cell *runningCell
	// idle fires releaseAfter after the last cell ended.
	idle *time.Timer
	// sentDecls are the declarations the supervisor holds: those the last execute reply
	// sent, or those replayed.
	sentDecls []string
}

// runningCell is the cell whose Execute runs on its own goroutine.
type runningCell struct {
	// cancel interrupts the cell with the cause nil, as the engine expects; once the cell has
	// finished, the cause is engine.ErrCellOver.
	cancel context.CancelCauseFunc
	done   chan struct{}
}

// handler serves one call in the worker. serve tells whether to go on reading requests.
type handler struct {
	method      string
	args, reply reflect.Type
	serve       func(s *server, req receivedRequest) bool
}

// handlers are the calls the worker serves, by method.
var handlers = handlerTable(
	answers(callComplete, func(s *server, a completeArgs) engine.Completion { return s.eng.Complete(a.Code, a.Cursor) }),
	answers(callInspect, func(s *server, a inspectArgs) engine.Inspection {
		return s.eng.Inspect(a.Code, a.Cursor, a.DetailLevel)
	}),
	answers(callIsComplete, func(s *server, a isCompleteArgs) engine.Completeness { return s.eng.IsComplete(a.Code) }),
	answers(callReplay, (*server).replay),
	takes(callExecute, (*server).startCell),
	takes(callShutdown, (*server).shutdown),
	takes(callInterrupt, func(s *server, _ uint64, _ struct{}) bool {
		s.interruptCell()
		return true
	}),
	takes(callInputReply, func(s *server, _ uint64, a inputAnswer) bool {
		s.inputs.deliver(a)
		return true
	}),
)

// handlerTable indexes hs by method.
func handlerTable(hs ...handler) map[string]handler {
	table := make(map[string]handler, len(hs))
	for _, h := range hs {
		table[h.method] = h
	}
	return table
}

// answers is the handler of c that replies at once with what f returns.
func answers[A, R any](c call[A, R], f func(s *server, args A) R) handler {
	return takes(c, func(s *server, id uint64, args A) bool {
		s.reply(id, f(s, args))
		return true
	})
}

// takes is the handler of c that leaves the reply, if any, to f, which tells whether to go
// on reading requests.
func takes[A, R any](c call[A, R], f func(s *server, id uint64, args A) bool) handler {
	args, reply := c.types()
	return handler{method: c.method, args: args, reply: reply, serve: func(s *server, req receivedRequest) bool {
		var a A
		if err := json.Unmarshal(req.Args, &a); err != nil {
			s.events.send(event{ID: req.ID, Error: fmt.Sprintf("the arguments of %s: %v", c.method, err)})
			return true
		}
		return f(s, req.ID, a)
	}}
}

// handle serves one request and reports whether to go on reading.
func (s *server) handle(req receivedRequest) bool {
	h, ok := handlers[req.Method]
	if !ok {
		s.events.send(event{ID: req.ID, Error: fmt.Sprintf("unknown method %q", req.Method)})
		return true
	}
	return h.serve(s, req)
}

// reply sends v as the reply to call id.
func (s *server) reply(id uint64, v any) {
	raw, err := json.Marshal(v)
	if err != nil {
		s.events.send(replyStandIn(id, v, err))
		return
	}
	s.events.send(event{ID: id, Reply: raw})
}

// replay declares decls in the engine; the reply is the failure's text, or "".
func (s *server) replay(decls []string) errorResult {
	r, ok := s.eng.(engine.Replayer)
	if !ok {
		return errorResult{Error: "this engine cannot replay declarations"}
	}
	s.mu.Lock()
	s.sentDecls = decls
	s.mu.Unlock()
	if err := r.Replay(decls); err != nil {
		return errorResult{Error: err.Error()}
	}
	return errorResult{}
}

// shutdown stops the running cell and the engine, replies, and ends Serve.
func (s *server) shutdown(id uint64, args shutdownArgs) bool {
	s.stopCell()
	s.eng.Shutdown(args.Restart)
	s.reply(id, struct{}{})
	return false
}

// startCell runs an execute request on its own goroutine and replies when it ends, with the
// engine's declarations when it is an engine.Replayer that the cell changed.
func (s *server) startCell(id uint64, exec engine.ExecuteRequest) bool {
	ctx, cancel := context.WithCancelCause(context.Background())
	cell := &runningCell{cancel: cancel, done: make(chan struct{})}
	s.mu.Lock()
	s.cell = cell
	s.mu.Unlock()
	out := &childOutput{id: id, ctx: ctx, events: s.events, inputs: &s.inputs}
	s.runOnRunner(func() {
		defer close(cell.done)
		defer cancel(engine.ErrCellOver)
		result := executeResult{Reply: s.eng.Execute(ctx, exec, out)}
		var decls []string
		r, replays := s.eng.(engine.Replayer)
		if replays {
			decls = r.Declarations()
		}
		s.mu.Lock()
		if replays && !slices.Equal(decls, s.sentDecls) {
			s.sentDecls = decls
			result.Declarations = &decls
		}
		if s.cell == cell {
			s.cell = nil
		}
		s.mu.Unlock()
		s.reply(id, result)
		s.armIdleRelease()
	})
	return true
}

// runCells is the runner goroutine: it runs the jobs sent to it until Serve returns. Cells
// share it because parsing and rewriting a cell recurse deeply: its stack, once grown, serves
// every later cell, where a fresh goroutine would grow its stack again for each (10 to 25 µs
// of a trivial cell's 100 to 150).
func (s *server) runCells() {
	for job := range s.runner {
		job()
	}
}

// runOnRunner runs job on the runner goroutine, or on a fresh goroutine when the runner is
// busy (a cell whose reply is sent but whose job has not returned yet).
func (s *server) runOnRunner(job func()) {
	select {
	case s.runner <- job:
	default:
		go job()
	}
}

// armIdleRelease makes the worker release freed memory once it has been without a cell for
// releaseAfter.
func (s *server) armIdleRelease() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.idle == nil {
		s.idle = time.AfterFunc(releaseAfter, s.releaseIfIdle)
		return
	}
	s.idle.Reset(releaseAfter)
}

// releaseIfIdle releases freed memory unless a cell runs.
func (s *server) releaseIfIdle() {
	s.mu.Lock()
	busy := s.cell != nil
	s.mu.Unlock()
	if !busy {
		s.release()
	}
}

// stopIdleRelease cancels a pending release when Serve returns.
func (s *server) stopIdleRelease() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.idle != nil {
		s.idle.Stop()
	}
}

// interruptCell cancels the running cell's context.
func (s *server) interruptCell() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cell != nil {
		s.cell.cancel(nil)
	}
}

// stopCell interrupts the running cell, if any, and waits for it to end.
func (s *server) stopCell() {
	s.mu.Lock()
	cell := s.cell
	s.mu.Unlock()
	if cell != nil {
		cell.cancel(nil)
		<-cell.done
	}
}
