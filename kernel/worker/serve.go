package worker

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime/debug"
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
		var req request
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
}

// runningCell is the cell whose Execute runs on its own goroutine.
type runningCell struct {
	cancel context.CancelFunc
	done   chan struct{}
}

// handle answers one request and reports whether to go on reading.
func (s *server) handle(req request) bool {
	reply := event{ID: req.ID}
	switch req.Type {
	case requestExecute:
		s.startCell(req)
		return true
	case requestInterrupt:
		s.interruptCell()
		return true
	case requestInputReply:
		s.inputs.deliver(req)
		return true
	case requestComplete:
		c := s.eng.Complete(req.Code, req.Cursor)
		reply.Type, reply.Completion = eventCompleteReply, &c
	case requestInspect:
		in := s.eng.Inspect(req.Code, req.Cursor, req.DetailLevel)
		reply.Type, reply.Inspection = eventInspectReply, &in
	case requestIsComplete:
		c := s.eng.IsComplete(req.Code)
		reply.Type, reply.Completeness = eventIsCompleteReply, &c
	case requestReplay:
		reply.Type = eventReplayReply
		reply.Error = s.replay(req.Declarations)
	case requestShutdown:
		s.stopCell()
		s.eng.Shutdown(false)
		reply.Type = eventShutdownReply
		s.events.send(reply)
		return false
	default:
		reply.Type, reply.Error = eventError, fmt.Sprintf("unknown request type %q", req.Type)
	}
	s.events.send(reply)
	return true
}

// replay declares decls in the engine and returns the failure's text, or "".
func (s *server) replay(decls []string) string {
	r, ok := s.eng.(engine.Replayer)
	if !ok {
		return "this engine cannot replay declarations"
	}
	if err := r.Replay(decls); err != nil {
		return err.Error()
	}
	return ""
}

// startCell runs an execute request on its own goroutine and replies when it ends, with the
// engine's declarations when it is an engine.Replayer.
func (s *server) startCell(req request) {
	ctx, cancel := context.WithCancel(context.Background())
	cell := &runningCell{cancel: cancel, done: make(chan struct{})}
	s.mu.Lock()
	s.cell = cell
	s.mu.Unlock()
	out := &childOutput{id: req.ID, ctx: ctx, events: s.events, inputs: &s.inputs}
	var exec engine.ExecuteRequest
	if req.Execute != nil {
		exec = *req.Execute
	}
	s.runOnRunner(func() {
		defer close(cell.done)
		defer cancel()
		reply := s.eng.Execute(ctx, exec, out)
		ev := event{ID: req.ID, Type: eventExecuteReply, Reply: &reply}
		if r, ok := s.eng.(engine.Replayer); ok {
			ev.Declarations = r.Declarations()
		}
		s.mu.Lock()
		if s.cell == cell {
			s.cell = nil
		}
		s.mu.Unlock()
		s.events.send(ev)
		s.armIdleRelease()
	})
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
		s.cell.cancel()
	}
}

// stopCell interrupts the running cell, if any, and waits for it to end.
func (s *server) stopCell() {
	s.mu.Lock()
	cell := s.cell
	s.mu.Unlock()
	if cell != nil {
		cell.cancel()
		<-cell.done
	}
}
