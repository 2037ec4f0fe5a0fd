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
}

// NewReader returns a Reader of the pipe's read end f that gives each chunk to pass, one
// at a time. pass must not keep the slice.
func NewReader(f *os.File, pass func([]byte)) *Reader {
	return &Reader{f: f, pass: pass}
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
		r.mu.Unlock()
	}
}

// Settled tells whether everything written to the pipe so far has been passed on.
func (r *Reader) Settled() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.inFlight {
		return false
	}
	conn, err := r.f.SyscallConn()
	if err != nil {
		return true
	}
	unread := 0
	var ioctlErr syscall.Errno
	if err := conn.Control(func(fd uintptr) {
		_, _, ioctlErr = syscall.Syscall(syscall.SYS_IOCTL, fd, syscall.TIOCINQ, uintptr(unsafe.Pointer(&unread)))
	}); err != nil || ioctlErr != 0 {
		return true
	}
	return unread == 0
}

// Settle waits, at most timeout in all, until every reader has settled.
func Settle(timeout time.Duration, readers ...*Reader) {
	deadline := time.Now().Add(timeout)
	for _, r := range readers {
		for !r.Settled() && time.Now().Before(deadline) {
			time.Sleep(time.Millisecond)
		}
	}
}
