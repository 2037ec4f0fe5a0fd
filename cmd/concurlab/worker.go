package main

import (
	"github.com/concurlab/concurlab/kernel/eval"
	"github.com/concurlab/concurlab/kernel/magic"
	"github.com/concurlab/concurlab/kernel/worker"
)

// runWorker is the evaluation worker that the kernel process starts and supervises: cells
// run here, so that a fatal error in one costs this process, never the kernel.
func runWorker() error {
	return worker.RunChild(magic.Wrap(eval.New(eval.Options{})))
}
