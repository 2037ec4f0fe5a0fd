//go:build linux

package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"runtime"
	"strconv"
	"syscall"
	"time"

	"github.com/concurlab/concurlab/kernel/eval"
	"github.com/concurlab/concurlab/kernel/jupyter"
	"github.com/concurlab/concurlab/kernel/worker"
)

// kernelProcs is the kernel process's GOMAXPROCS. The kernel only relays messages between
// the front end's sockets and the worker's pipes; with one P, a message handed from goroutine
// to goroutine runs next on the same thread instead of waking another, which cut the
// kernel's CPU per trivial cell by a quarter and left the cores to the worker and the front
// end (docs/benchmarks.md). Cells keep every core: the worker is a process of its own, with
// Go's default GOMAXPROCS.
const kernelProcs = 1

// runKernel serves Jupyter on the sockets of a connection file, with cells evaluated in a
// supervised worker process.
func runKernel(args []string) error {
	runtime.GOMAXPROCS(kernelProcs)
	flags := flag.NewFlagSet("kernel", flag.ContinueOnError)
	level := flags.String("log-level", "warn", "what to log on stderr: debug, info, warn or error")
	maxOutput := flags.Int("max-output", jupyter.DefaultMaxOutputBytes, "stream bytes one cell may print before the rest is cut")
	maxMessage := flags.Int("max-message", jupyter.DefaultMaxMessageBytes, "bytes of the largest frame and message a client may send; one that sends more is disconnected")
	connectionFile, err := parseKernelArgs(flags, args)
	if err != nil {
		return err
	}
	if *maxMessage <= 0 {
		return fmt.Errorf("--max-message %d: give the bound in bytes, a positive number", *maxMessage)
	}
	logger, err := newLogger(*level)
	if err != nil {
		return err
	}
	conn, err := jupyter.ReadConnectionFile(connectionFile)
	if err != nil {
		return err
	}
	stopProfile, err := startProfile("kernel")
	if err != nil {
		return err
	}
	defer stopProfile()
	binary, err := os.Executable()
	if err != nil {
		return fmt.Errorf("cannot find this binary to start the worker: %w", err)
	}
	supervisor := worker.NewSupervisor(worker.Options{
		Command: []string{binary, "worker"},
		Info:    (*eval.Session).Info(nil),
		Logger:  slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
	})
	defer supervisor.Shutdown(false)
	server, err := jupyter.NewServer(conn, supervisor, jupyter.Options{
		Logger:          logger,
		MaxOutputBytes:  *maxOutput,
		MaxOutputHint:   "start the kernel with a larger --max-output (in kernel.json's argv)",
		MaxMessageBytes: *maxMessage,
	})
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	ctx, stopWatch := watchParent(ctx, logger)
	defer stopWatch()
	interrupts := make(chan os.Signal, 1)
	signal.Notify(interrupts, os.Interrupt)
	defer signal.Stop(interrupts)
	go func() {
		for range interrupts {
			server.Interrupt()
		}
	}()
	return server.Run(ctx)
}

// parseKernelArgs accepts the connection file before or after the flags, as kernel.json
// and people write them.
func parseKernelArgs(flags *flag.FlagSet, args []string) (string, error) {
	var positional []string
	for len(args) > 0 {
		if err := flags.Parse(args); err != nil {
			return "", err
		}
		args = flags.Args()
		if len(args) > 0 {
			positional = append(positional, args[0])
			args = args[1:]
		}
	}
	if len(positional) != 1 {
		return "", errors.New("kernel needs exactly one CONNECTION_FILE (Jupyter passes it through kernel.json)")
	}
	return positional[0], nil
}

func newLogger(level string) (*slog.Logger, error) {
	var l slog.Level
	if err := l.UnmarshalText([]byte(level)); err != nil {
		return nil, fmt.Errorf("--log-level %q: use debug, info, warn or error", level)
	}
	return slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: l})), nil
}

// watchParent ends ctx when the process that started the kernel dies: Jupyter names it in
// JPY_PARENT_PID; without it, the kernel's parent at start is watched.
func watchParent(ctx context.Context, logger *slog.Logger) (context.Context, context.CancelFunc) {
	ctx, cancel := context.WithCancel(ctx)
	parent := os.Getppid()
	if pid, err := strconv.Atoi(os.Getenv("JPY_PARENT_PID")); err == nil && pid > 1 {
		parent = pid
	}
	if parent <= 1 {
		return ctx, cancel
	}
	go func() {
		ticker := time.NewTicker(time.Second)
		defer ticker.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-ticker.C:
				if syscall.Kill(parent, 0) == syscall.ESRCH {
					logger.Warn("the process that started the kernel is gone; exiting", "pid", parent)
					cancel()
					return
				}
			}
		}
	}()
	return ctx, cancel
}
