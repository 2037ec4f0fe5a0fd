//go:build linux

package main

import (
	"os"
	"runtime/debug"

	"github.com/concurlab/concurlab/kernel/engine"
	"github.com/concurlab/concurlab/kernel/eval"
	"github.com/concurlab/concurlab/kernel/magic"
	"github.com/concurlab/concurlab/kernel/worker"
)

// maxStack bounds each goroutine's stack in the worker.
const maxStack = 128 << 20

// runWorker is the evaluation worker that the kernel process starts and supervises: cells
// run here, so that a fatal error in one costs this process, never the kernel.
func runWorker() error {
	// Interpreted recursion grows Go stacks slowly: at Go's default 1 GB limit an endless
	// recursion takes minutes to overflow. 128 MiB still allows tens of thousands of
	// interpreted calls deep, and ends an endless one in about a second.
	debug.SetMaxStack(maxStack)
	stopProfile, err := startProfile("worker")
	if err != nil {
		return err
	}
	defer stopProfile()
	// Cells are programs run without arguments, as `go run main.go` runs them: flag.Parse
	// and os.Args must not see the worker's own.
	os.Args = os.Args[:1]
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	return worker.RunChild(func() (engine.Engine, error) {
		s, err := eval.New(eval.Options{ProcessCommand: []string{exe, "process"}})
		if err != nil {
			return nil, err
		}
		return magic.Wrap(s), nil
	})
}

// runProcess is a process of a real process pool that a cell started (concur.StartProcesses):
// it declares the session's declarations, which arrive on stdin, and serves the pool's calls.
func runProcess() error {
	debug.SetMaxStack(maxStack)
	os.Args = os.Args[:1]
	return eval.ServeProcess(os.Stdin)
}
