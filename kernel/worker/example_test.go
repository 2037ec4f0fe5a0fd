package worker_test

import (
	"context"
	"fmt"
	"log"
	"os"

	"github.com/concurlab/concurlab/kernel/engine"
	"github.com/concurlab/concurlab/kernel/worker"
)

// The kernel process supervises a worker started from its own binary, whose "worker"
// command calls worker.RunChild with the real evaluator.
func ExampleNewSupervisor() {
	self, err := os.Executable()
	if err != nil {
		log.Fatal(err)
	}
	s := worker.NewSupervisor(worker.Options{
		Command: []string{self, "worker"},
		Info:    engine.Info{Implementation: "concurlab"},
	})
	defer s.Shutdown(false)

	var out engine.Output // the protocol server's output for this cell
	reply := s.Execute(context.Background(), engine.ExecuteRequest{Code: `fmt.Println("hi")`}, out)
	if reply.Error != nil {
		fmt.Println(reply.Error.Name, reply.Error.Value)
	}
}

// A worker process serves the evaluator over the pipes its supervisor made; an evaluator
// that cannot start makes each cell fail with the reason.
func ExampleRunChild() {
	start := func() (engine.Engine, error) {
		var eval engine.Engine // the real evaluator, e.g. magic.Wrap(eval.New(...))
		return eval, nil
	}
	if err := worker.RunChild(start); err != nil {
		log.Fatal(err)
	}
}
