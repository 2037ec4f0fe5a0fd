package worker

import (
	"errors"
	"strings"
	"sync"

	"github.com/concurlab/concurlab/kernel/engine"
)

// recorder is an engine.Output that records what a cell published and answers input from a
// list of lines.
type recorder struct {
	mu       sync.Mutex
	streams  []string
	displays []engine.DisplayData
	prompts  []string
	answers  []string
	// onStream, when set, sees each stream call as "name: text".
	onStream func(string)
}

func (r *recorder) Stream(name, text string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.streams = append(r.streams, name+": "+text)
	if r.onStream != nil {
		r.onStream(name + ": " + text)
	}
}

func (r *recorder) Display(d engine.DisplayData) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.displays = append(r.displays, d)
}

func (r *recorder) ClearOutput(wait bool) {}

func (r *recorder) Input(prompt string, password bool) (string, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.prompts = append(r.prompts, prompt)
	if len(r.answers) == 0 {
		return "", errors.New("no answer")
	}
	line := r.answers[0]
	r.answers = r.answers[1:]
	return line, nil
}

// text returns the text of stream name, in order.
func (r *recorder) text(name string) string {
	r.mu.Lock()
	defer r.mu.Unlock()
	var b strings.Builder
	for _, s := range r.streams {
		if text, ok := strings.CutPrefix(s, name+": "); ok {
			b.WriteString(text)
		}
	}
	return b.String()
}
