//go:build !linux

package main

import (
	"fmt"
	"runtime"
)

// errUnsupported is what the kernel and the worker say on a system they cannot run on: they
// need Linux's TIOCINQ, Pdeathsig and /proc (README.md, Supported systems). install and
// version work everywhere.
var errUnsupported = fmt.Errorf("the kernel runs on Linux only, not on %s (see README.md, Supported systems)", runtime.GOOS)

func runKernel([]string) error { return errUnsupported }

func runWorker() error { return errUnsupported }

func runProcess() error { return errUnsupported }
