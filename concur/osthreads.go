package concur

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"strconv"
)

// ThreadCount compares the goroutines of this process with the OS threads that run them.
type ThreadCount struct {
	Goroutines int // runtime.NumGoroutine()
	// OSThreads is the process's OS threads now, from /proc/self/status on Linux; elsewhere
	// the threads the runtime has created (the "threadcreate" profile).
	OSThreads  int
	GOMAXPROCS int // how many OS threads may run Go code at once
}

// OSThreads counts the goroutines and the OS threads of this process now. Go's runtime
// multiplexes goroutines onto a few OS threads: at most GOMAXPROCS of them run Go code at
// once, a few more sit in blocking system calls or serve the runtime, and thousands of
// goroutines need no more threads than that. (A concur Thread is a goroutine: it has a name
// only because concur gives it one.)
func OSThreads() ThreadCount {
	return ThreadCount{Goroutines: runtime.NumGoroutine(), OSThreads: osThreads(), GOMAXPROCS: runtime.GOMAXPROCS(0)}
}

// String describes the count, such as "1002 goroutines on 7 OS threads (GOMAXPROCS 2)".
func (c ThreadCount) String() string {
	return fmt.Sprintf("%d goroutines on %d OS threads (GOMAXPROCS %d)", c.Goroutines, c.OSThreads, c.GOMAXPROCS)
}

// osThreads returns the process's thread count from the Threads line of /proc/self/status,
// or, where there is no such file, the number of threads the runtime has created.
func osThreads() int {
	if status, err := os.ReadFile("/proc/self/status"); err == nil {
		if n, ok := statusThreads(status); ok {
			return n
		}
	}
	return pprof.Lookup("threadcreate").Count()
}

// statusThreads reads the "Threads:" line of a /proc/PID/status file.
func statusThreads(status []byte) (int, bool) {
	sc := bufio.NewScanner(bytes.NewReader(status))
	for sc.Scan() {
		if rest, ok := bytes.CutPrefix(sc.Bytes(), []byte("Threads:")); ok {
			n, err := strconv.Atoi(string(bytes.TrimSpace(rest)))
			return n, err == nil
		}
	}
	return 0, false
}
