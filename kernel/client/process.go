package client

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"time"
)

// process is a kernel that Start started.
type process struct {
	cmd      *exec.Cmd
	connFile string
	done     chan struct{}
	err      error
}

// Start writes a new connection file, starts the kernel command argv (each
// "{connection_file}" in it replaced by the file's path, as in kernel.json) with its output
// on this process's stderr, and connects to it. ctx bounds the start-up only; Close stops
// the kernel.
func Start(ctx context.Context, argv []string) (*Client, error) {
	if len(argv) == 0 {
		return nil, errors.New("no kernel command")
	}
	info, path, err := NewConnection()
	if err != nil {
		return nil, err
	}
	args := make([]string, len(argv))
	for i, a := range argv {
		args[i] = strings.ReplaceAll(a, "{connection_file}", path)
	}
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Start(); err != nil {
		os.Remove(path)
		return nil, err
	}
	p := &process{cmd: cmd, connFile: path, done: make(chan struct{})}
	go func() {
		p.err = cmd.Wait()
		close(p.done)
	}()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go func() {
		select {
		case <-p.done:
			cancel()
		case <-ctx.Done():
		}
	}()
	c, err := Connect(ctx, info)
	if err != nil {
		select {
		case <-p.done:
			err = fmt.Errorf("the kernel exited while starting (%v): %w", p.err, err)
		default:
		}
		p.stop()
		return nil, err
	}
	c.process = p
	return c, nil
}

// Wait waits up to timeout for a kernel that Start started to exit, and returns how it
// exited.
func (c *Client) Wait(timeout time.Duration) error {
	if c.process == nil {
		return errors.New("the kernel was not started by this client")
	}
	select {
	case <-c.process.done:
		return c.process.err
	case <-time.After(timeout):
		return ErrTimeout
	}
}

// Pid returns the process id of the kernel that Start started, or 0 for a kernel that
// Connect connected to.
func (c *Client) Pid() int {
	if c.process == nil {
		return 0
	}
	return c.process.cmd.Process.Pid
}

// stop kills the kernel unless it has exited, waits for it and removes its connection file.
func (p *process) stop() error {
	select {
	case <-p.done:
	default:
		p.cmd.Process.Kill()
		<-p.done
	}
	return os.Remove(p.connFile)
}
