// Package enginetest provides an engine.Output that records what a cell publishes, for the
// tests of engines and of what wraps them.
package enginetest

import (
	"strings"
	"sync"

	"github.com/concurlab/concurlab/kernel/engine"
)

// Stream is one call of Output.Stream: the stream's name ("stdout" or "stderr") and the text
// written in that call.
type Stream struct {
	Name, Text string
}

// Recorder is an engine.Output that records what a cell publishes and answers Input from a
// list of lines. It is safe for concurrent use. Set its fields before passing it to an engine.
type Recorder struct {
	// Answers are the lines Input returns, in order. Once they are used up, Input returns
	// engine.ErrNoStdin, as for a front end that does not accept input.
	Answers []string
	// OnStream, when set, is called with each Stream call once it is recorded, on the
	// goroutine that published; it may call the Recorder's methods.
	OnStream func(name, text string)
	// OnInput, when set, is called with each Input call's prompt once it is recorded, before
	// Input answers; it may block, as a front end whose user takes their time.
	OnInput func(prompt string)

	mu       sync.Mutex
	streams  []Stream
	displays []engine.DisplayData
	clears   int
	prompts  []string
	answered int
}

var _ engine.Output = (*Recorder)(nil)

// Stream records a write of text to the stream name.
func (r *Recorder) Stream(name, text string) {
	r.mu.Lock()
	r.streams = append(r.streams, Stream{Name: name, Text: text})
	r.mu.Unlock()
	if r.OnStream != nil {
		r.OnStream(name, text)
	}
}

// Display records a MIME bundle shown or updated.
func (r *Recorder) Display(d engine.DisplayData) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.displays = append(r.displays, d)
}

// ClearOutput counts a request to clear the cell's output.
func (r *Recorder) ClearOutput(wait bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.clears++
}

// Input records prompt and returns the next of Answers, or engine.ErrNoStdin when none is
// left.
func (r *Recorder) Input(prompt string, password bool) (string, error) {
	r.mu.Lock()
	r.prompts = append(r.prompts, prompt)
	r.mu.Unlock()
	if r.OnInput != nil {
		r.OnInput(prompt)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.answered == len(r.Answers) {
		return "", engine.ErrNoStdin
	}
	r.answered++
	return r.Answers[r.answered-1], nil
}

// Streams returns the Stream calls so far, in the order they were made.
func (r *Recorder) Streams() []Stream {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]Stream(nil), r.streams...)
}

// Text returns all the text written to the stream name so far, concatenated.
func (r *Recorder) Text(name string) string {
	r.mu.Lock()
	defer r.mu.Unlock()
	var b strings.Builder
	for _, s := range r.streams {
		if s.Name == name {
			b.WriteString(s.Text)
		}
	}
	return b.String()
}

// Displays returns the bundles displayed so far, in order.
func (r *Recorder) Displays() []engine.DisplayData {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]engine.DisplayData(nil), r.displays...)
}

// Clears returns how many times the output was cleared.
func (r *Recorder) Clears() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.clears
}

// Prompts returns the prompts of the Input calls so far, answered or not, in order.
func (r *Recorder) Prompts() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.prompts...)
}
