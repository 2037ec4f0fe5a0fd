//go:build linux

// Package pipes reads the output pipes of a process and tells when all that was written to
// one has been passed on, so that what a cell printed right before it ended stays with that
// cell. The kernel reads its worker's real stdout and stderr with it, and the evaluator the
// pipes behind its cells' os.Stdout and os.Stderr.
package pipes

import (
	"os"
	"sync"
	"syscall"
	"time"
	"unsafe"
)

// Reader reads one pipe and passes each chunk that arrives on. Settled tells whether all
// that was written to the pipe so far has been passed on: reading a chunk and marking it on
// its way are one critical section, so no chunk is ever between the pipe and the mark.
type Reader struct {
	f    *os.File
	pass func([]byte)

	mu sync.Mutex
	// inFlight is set while a chunk has left the pipe but pass has not returned.
	inFlight bool
	// passed is closed, and replaced, each time pass has returned.
	passed chan struct{}
}

// NewReader returns a Reader of the pipe's read end f that gives each chunk to pass, one
// at a time. pass must not keep the slice.
func NewReader(f *os.File, pass func([]byte)) *Reader {
	return &Reader{f: f, pass: pass, passed: make(chan struct{})}
}

// File returns the read end.
func (r *Reader) File() *os.File { return r.f }

// Run reads until the pipe ends or its read end is closed.
func (r *Reader) Run() {
	conn, err := r.f.SyscallConn()
	if err != nil {
		return
	}
	buf := make([]byte, 32<<10)
	for {
		var n int
		var readErr error
		err := conn.Read(func(fd uintptr) bool {
			r.mu.Lock()
			defer r.mu.Unlock()
			for {
				n, readErr = syscall.Read(int(fd), buf)
				if readErr != syscall.EINTR {
					break
				}
			}
			if readErr == syscall.EAGAIN {
				return false
			}
			r.inFlight = n > 0
			return true
		})
		if err != nil || readErr != nil || n <= 0 {
			return
		}
		r.pass(buf[:n])
		r.mu.Lock()
		r.inFlight = false
		close(r.passed)
		r.passed = make(chan struct{})
		r.mu.Unlock()
	}
}

// Settled tells whether everything written to the pipe so far has been passed on.
func (r *Reader) Settled() bool {
	settled, _ := r.state()
	return settled
}

// state tells whether the reader has settled and, if not, returns the channel that is closed
// once the next chunk has been passed on.
func (r *Reader) state() (settled bool, passed <-chan struct{}) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.inFlight {
		return false, r.passed
	}
	conn, err := r.f.SyscallConn()
	if err != nil {
		return true, nil
	}
	unread := 0
	var ioctlErr syscall.Errno
	if err := conn.Control(func(fd uintptr) {
		_, _, ioctlErr = syscall.Syscall(syscall.SYS_IOCTL, fd, syscall.TIOCINQ, uintptr(unsafe.Pointer(&unread)))
	}); err != nil || ioctlErr != 0 {
		return true, nil
	}
	return unread == 0, r.passed
}

// Settle waits, at most timeout in all, until every reader has settled, and tells whether
// they did. It is the one way the kernel and the evaluator learn that what was written to
// their pipes before a cell ended has reached that cell.
func Settle(timeout time.Duration, readers ...*Reader) bool {
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	for _, r := range readers {
		for {
			settled, passed := r.state()
			if settled {
				break
			}
			select {
			case <-passed:
			case <-deadline.C:
				return false
			}
		}
	}
	return true
}
