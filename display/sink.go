// Package display shows rich output in a notebook cell: HTML, Markdown, SVG, PNG, JPEG, JSON
// and plain text, MIME bundles that can be updated in place, and progress bars. It draws the
// charts a notebook needs without writing SVG by hand (Bars, BeforeAfter, Lines, Histogram),
// labelled in Chinese, English or both (SetLanguage).
//
// Inside the ConcurLab kernel the output goes to the front end. Elsewhere (a test, a
// program) each display is written to standard output as plain text, so code that uses
// this package runs anywhere. Every function is safe for concurrent use.
package display

import (
	"fmt"
	"os"
	"sync"
)

// Sink receives what this package shows. The kernel installs one with SetSink; cells never
// see it.
type Sink interface {
	// Display shows a MIME bundle (data maps MIME types to content). With update, it
	// replaces the display named displayID instead of adding a new one.
	Display(data, metadata map[string]any, displayID string, update bool)
	// Clear clears the cell's output, at once or (wait) when new output arrives.
	Clear(wait bool)
}

var (
	sinkMu  sync.RWMutex
	current Sink
)

// SetSink makes s the receiver of every later display. A nil s restores the plain-text
// fallback on standard output.
func SetSink(s Sink) {
	sinkMu.Lock()
	defer sinkMu.Unlock()
	current = s
}

func activeSink() Sink {
	sinkMu.RLock()
	defer sinkMu.RUnlock()
	return current
}

// publish sends a bundle to the sink, or prints its text/plain form when there is none.
func publish(b Bundle, displayID string, update bool) {
	if s := activeSink(); s != nil {
		s.Display(map[string]any(b), nil, displayID, update)
		return
	}
	fmt.Fprintln(os.Stdout, b.plainText())
}
