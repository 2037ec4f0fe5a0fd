package worker

import (
	"os"
	"sync"
	"syscall"
	"time"
	"unsafe"
)

// settleTimeout bounds how long a finished cell waits for the worker's stdout and stderr to
// catch up: a goroutine that keeps printing would otherwise hold the cell open.
const settleTimeout = 100 * time.Millisecond

// pipeReader reads one of the worker's output pipes (its real stdout or stderr) and passes
// each chunk on. It can tell when all that was written to the pipe so far has been passed
// on, so that what a cell printed right before it ended stays with that cell.
type pipeReader struct {
	f    *os.File
	pass func(string)

	mu sync.Mutex
	// inFlight is set, in the same critical section as the read, while a chunk has left
	// the pipe but is not yet passed on.
	inFlight bool
}

// run reads until the pipe ends or is closed.
func (r *pipeReader) run() {
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
		r.pass(string(buf[:n]))
		r.mu.Lock()
		r.inFlight = false
		r.mu.Unlock()
	}
}

// settled tells whether everything written to the pipe so far has been passed on.
func (r *pipeReader) settled() bool {
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

// settle waits, at most settleTimeout, until every reader has passed on what was written.
func settle(readers ...*pipeReader) {
	deadline := time.Now().Add(settleTimeout)
	for _, r := range readers {
		for !r.settled() && time.Now().Before(deadline) {
			time.Sleep(time.Millisecond)
		}
	}
}
