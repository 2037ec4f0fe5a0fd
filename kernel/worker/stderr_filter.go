package worker

import (
	"strings"
	"sync"
	"time"
)

// crashMarkers begin a line with which the Go runtime starts its report of a crash.
var crashMarkers = []string{
	"fatal error: ",
	"panic: ",
	"runtime: ",
	"unexpected fault address",
	"SIGSEGV: ",
	"SIGBUS: ",
	"fatal: morestack",
}

// dumpLimit bounds the crash report kept: its first lines are the ones that explain it.
const dumpLimit = 16 << 10

// A line that starts like a crash report but that the cell printed is told from a crash by
// the worker living on: once stderr has been quiet for heldQuiet, or, busy, for crashPatience
// since the marker, with the worker alive, what was held is passed on after all.
const (
	heldQuiet     = 200 * time.Millisecond
	crashPatience = 2 * time.Second
)

// stderrFilter splits the worker's real stderr: text goes on to pass, except a Go runtime
// crash report, which starts at a line beginning with a crash marker and is kept (its first
// dumpLimit bytes) to explain the crash instead of being shown as it is.
type stderrFilter struct {
	pass func(text string)
	// alive tells whether the worker still runs.
	alive func() bool

	mu       sync.Mutex
	crashing bool
	dump     strings.Builder
	// partial is the end of the last chunk: a line start that may be the first bytes of a
	// crash marker, held until the next chunk tells.
	partial string
	// midLine tells that the text passed so far does not end with a newline.
	midLine bool
	// crashSince and lastWrite are when the crash marker and the last chunk came.
	crashSince, lastWrite time.Time
	// check, while armed, looks whether what is held can be passed on.
	check  *time.Timer
	armed  bool
	closed bool
}

// write takes the next chunk read from stderr.
func (f *stderrFilter) write(chunk string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.lastWrite = time.Now()
	f.filter(f.partial + chunk)
	if (f.crashing || f.partial != "") && !f.armed {
		f.arm(heldQuiet)
	}
}

// filter passes text on up to a crash marker, or up to a held partial line. The caller holds
// f.mu.
func (f *stderrFilter) filter(text string) {
	f.partial = ""
	if f.crashing {
		f.keep(text)
		return
	}
	for pos := 0; pos < len(text); {
		if pos > 0 || !f.midLine {
			rest := text[pos:]
			switch {
			case startsWithMarker(rest):
				f.send(text[:pos])
				f.crashing, f.crashSince = true, time.Now()
				f.keep(rest)
				return
			case mayStartMarker(rest):
				f.send(text[:pos])
				f.partial = rest
				return
			}
		}
		nl := strings.IndexByte(text[pos:], '\n')
		if nl < 0 {
			break
		}
		pos += nl + 1
	}
	f.send(text)
}

// arm makes the filter look at what it holds after d. The caller holds f.mu.
func (f *stderrFilter) arm(d time.Duration) {
	f.armed = true
	if f.check == nil {
		f.check = time.AfterFunc(d, f.release)
		return
	}
	f.check.Reset(d)
}

// release passes on what is held once stderr has been quiet long enough, or the crash
// marker was long enough ago, with the worker alive. A worker that has exited keeps its
// crash report, and close passes on a partial line.
func (f *stderrFilter) release() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.armed = false
	if f.closed || !f.alive() {
		return
	}
	wait := heldQuiet - time.Since(f.lastWrite)
	if f.crashing && time.Since(f.crashSince) >= crashPatience {
		wait = 0
	}
	if wait > 0 {
		f.arm(wait)
		return
	}
	if f.crashing {
		f.crashing = false
		f.send(f.dump.String())
		f.dump.Reset()
	}
	f.flushLocked()
}

// flush passes on a held partial line once the output has settled: a crash report does not
// begin there.
func (f *stderrFilter) flush() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.flushLocked()
}

// flushLocked passes on a held partial line. The caller holds f.mu.
func (f *stderrFilter) flushLocked() {
	f.send(f.partial)
	f.partial = ""
}

// close passes on what is held once stderr has ended.
func (f *stderrFilter) close() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.closed = true
	if f.check != nil {
		f.check.Stop()
	}
	f.flushLocked()
}

// report returns the kept crash report, or "" when there was none.
func (f *stderrFilter) report() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.dump.String()
}

// send passes text on. The caller holds f.mu.
func (f *stderrFilter) send(text string) {
	if text == "" {
		return
	}
	f.midLine = !strings.HasSuffix(text, "\n")
	f.pass(text)
}

// keep adds text to the crash report, up to dumpLimit. The caller holds f.mu.
func (f *stderrFilter) keep(text string) {
	if room := dumpLimit - f.dump.Len(); len(text) > room {
		text = text[:max(room, 0)]
	}
	f.dump.WriteString(text)
}

// startsWithMarker tells whether line starts with a crash marker.
func startsWithMarker(line string) bool {
	for _, m := range crashMarkers {
		if strings.HasPrefix(line, m) {
			return true
		}
	}
	return false
}

// mayStartMarker tells whether text, the unfinished last line of a chunk, is the beginning
// of a crash marker.
func mayStartMarker(text string) bool {
	for _, m := range crashMarkers {
		if len(text) < len(m) && strings.HasPrefix(m, text) {
			return true
		}
	}
	return false
}
