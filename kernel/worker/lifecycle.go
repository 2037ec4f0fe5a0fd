package worker

import (
	"context"
	"errors"
	"strings"
	"time"
)

// Bounds on waiting for a worker.
const (
	replayTimeout   = 10 * time.Second
	shutdownTimeout = 2 * time.Second
)

// errStopped answers requests after Shutdown.
var errStopped = errors.New("the evaluator was shut down")

// generation is one worker's life: started in the background, ready once it runs with the
// session's declarations replayed.
type generation struct {
	ready chan struct{}
	// proc and err are set (under Supervisor.mu) before ready is closed.
	proc *process
	err  error
	// lost is the last of g's workers that exited before one was handed over.
	lost *process
}

// start begins a new generation that replays decls. The caller holds s.mu.
func (s *Supervisor) start(decls []string) {
	g := &generation{ready: make(chan struct{})}
	s.gen = g
	go s.launch(g, decls)
}

// launch starts g's worker, replays decls into it and hands it over.
func (s *Supervisor) launch(g *generation, decls []string) {
	p, err := s.startReplayed(g, decls)
	s.handOver(g, p, err)
}

// startReplayed starts a worker for g and replays decls into it. A worker that dies or hangs
// while replaying is replaced by one without declarations, and the user is told.
func (s *Supervisor) startReplayed(g *generation, decls []string) (*process, error) {
	onExit := func(p *process) { s.exited(g, p) }
	p, err := startProcess(s.opts.Command, &s.gate, s.opts.Logger, onExit)
	if err != nil || len(decls) == 0 {
		return p, err
	}
	msg, alive := s.replay(p, decls)
	switch {
	case !alive:
		s.opts.Logger.Printf("worker: replaying declarations: %s; starting one without them", msg)
		s.gate.Notice("The declarations of earlier cells could not be replayed (" + msg + "); they were reset.\n")
		s.mu.Lock()
		s.decls = nil
		s.mu.Unlock()
		return startProcess(s.opts.Command, &s.gate, s.opts.Logger, onExit)
	case msg != "":
		s.opts.Logger.Printf("worker: replaying declarations: %s", msg)
		s.gate.Notice("Some declarations of earlier cells could not be replayed: " + msg + "\n")
	}
	return p, nil
}

// handOver makes p, or the failure to start one, g's worker, and lets the requests that wait
// for it go on. A worker that exited before it was handed over is dealt with now, as exited
// would have.
func (s *Supervisor) handOver(g *generation, p *process, err error) {
	if err != nil {
		s.opts.Logger.Print(err)
	}
	s.mu.Lock()
	g.proc, g.err = p, err
	lost := p != nil && g.lost == p
	s.mu.Unlock()
	close(g.ready)
	if lost {
		s.exited(g, p)
	}
}

// replay declares decls in p; msg says what failed, and alive whether p can still be used.
func (s *Supervisor) replay(p *process, decls []string) (msg string, alive bool) {
	if result, ok := ask(p, callReplay, decls).await(replayTimeout); ok {
		return result.Error, true
	}
	if isClosed(p.exited) {
		return "the evaluator crashed while replaying them: " + explainCrash(p.stderr.report(), p.state).cause, false
	}
	p.kill(stopReplay)
	<-p.exited
	return "replaying them did not finish in " + replayTimeout.String(), false
}

// exited is called when g's worker p has exited, before p.exited is closed. Unless the
// supervisor stopped it on purpose or a running cell reports it, the user learns at the next
// cell why it died. A worker that exits before launch hands it over is left to handOver.
func (s *Supervisor) exited(g *generation, p *process) {
	s.mu.Lock()
	if g.proc == nil {
		g.lost = p
		s.mu.Unlock()
		return
	}
	current := s.gen == g && g.proc == p
	reported := s.running == p
	replayed := len(s.decls) > 0
	s.mu.Unlock()
	if !current || p.reason() != "" {
		return
	}
	c := explainCrash(p.stderr.report(), p.state)
	s.opts.Logger.Printf("worker %d exited: %s", p.pid(), c.cause)
	if !reported {
		s.gate.Notice("The evaluator stopped between cells. " + strings.Join(c.lines(replayed), "\n") + "\n")
	}
	s.replace(g)
}

// replace starts the next generation unless g was already replaced or the supervisor is
// shut down.
func (s *Supervisor) replace(g *generation) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.gen == g && !s.closed {
		s.start(s.decls)
	}
}

// startAttempts bounds how many fresh workers one request waits for when each dies at once.
const startAttempts = 3

// waitProcess waits until a live worker is ready, starting a new one when the current one
// died or failed to start.
func (s *Supervisor) waitProcess(ctx context.Context) (*generation, error) {
	for range startAttempts {
		s.mu.Lock()
		g, closed := s.gen, s.closed
		s.mu.Unlock()
		if closed {
			return nil, errStopped
		}
		select {
		case <-g.ready:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		if g.err != nil {
			s.replace(g)
			return nil, g.err
		}
		if !isClosed(g.proc.exited) {
			return g, nil
		}
		s.replace(g)
	}
	return nil, errors.New("the evaluator process keeps exiting as soon as it starts")
}

// isClosed tells whether ch is closed.
func isClosed(ch <-chan struct{}) bool {
	select {
	case <-ch:
		return true
	default:
		return false
	}
}
