package worker

import (
	"io"
	"log"
	"os"
	"strings"
	"testing"
)

// A worker that exits before launch hands it over is replaced, and the next cell says why.
func TestWorkerLostBeforeHandOverIsReplaced(t *testing.T) {
	s := &Supervisor{opts: Options{Command: []string{os.Args[0]}, Logger: log.New(io.Discard, "", 0), InterruptGrace: DefaultInterruptGrace}}
	t.Cleanup(func() { s.Shutdown(false) })
	g := &generation{ready: make(chan struct{})}
	s.mu.Lock()
	s.gen = g
	s.mu.Unlock()
	p, err := startProcess([]string{"/bin/sh", "-c", "exit 3"}, &s.gate, s.opts.Logger, func(p *process) { s.exited(g, p) })
	if err != nil {
		t.Fatal(err)
	}
	<-p.exited
	s.handOver(g, p, nil)
	s.mu.Lock()
	replaced := s.gen != g
	s.mu.Unlock()
	if !replaced {
		t.Fatal("the worker that exited before it was handed over was not replaced")
	}
	if got := mustRun(t, s, "print ok").Text("stderr"); !strings.Contains(got, "os.Exit(3)") {
		t.Errorf("the next cell's stderr %q does not explain the exit", got)
	}
}
