package worker

import "strings"

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

// stderrFilter splits the worker's real stderr: text goes on to pass, except a Go runtime
// crash report, which starts at a line beginning with a crash marker and is kept (its first
// dumpLimit bytes) to explain the crash instead of being shown as it is.
type stderrFilter struct {
	pass     func(text string)
	crashing bool
	dump     strings.Builder
	// partial is the end of the last chunk: a line start that may be the first bytes of a
	// crash marker, held until the next chunk tells.
	partial string
	// midLine tells that the text passed so far does not end with a newline.
	midLine bool
}

// write takes the next chunk read from stderr.
func (f *stderrFilter) write(chunk string) {
	text := f.partial + chunk
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
				f.crashing = true
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

// close passes on what is held once stderr has ended.
func (f *stderrFilter) close() {
	f.send(f.partial)
	f.partial = ""
}

// report returns the kept crash report, or "" when there was none.
func (f *stderrFilter) report() string { return f.dump.String() }

// send passes text on.
func (f *stderrFilter) send(text string) {
	if text == "" {
		return
	}
	f.midLine = !strings.HasSuffix(text, "\n")
	f.pass(text)
}

// keep adds text to the crash report, up to dumpLimit.
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
