package jupyter

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/concurlab/concurlab/kernel/engine"
)

// cellOutput is the engine.Output of one execute_request. Stream text is batched per
// stream and published every FlushInterval; anything else flushes it first, so that what
// the front end shows keeps the order in which the cell wrote it. Past MaxOutputBytes stream
// text is dropped and counted, and finish publishes one notice saying how much. Output after
// finish breaks the engine.Engine contract and is dropped: what goroutines print between cells
// is the engine's to hold, which ours do with engine.Gate.
type cellOutput struct {
	s      *Server
	parent *Message
	req    engine.ExecuteRequest
	ctx    context.Context

	mu      sync.Mutex
	pending []streamChunk
	timer   *time.Timer
	written int
	cut     int
	closed  bool

	// inputMu makes concurrent Input calls of a cell's goroutines ask one after another.
	inputMu sync.Mutex
}

type streamChunk struct {
	name string
	text strings.Builder
}

type streamContent struct {
	Name string `json:"name"`
	Text string `json:"text"`
}

type displayContent struct {
	Data      map[string]any `json:"data"`
	Metadata  map[string]any `json:"metadata"`
	Transient map[string]any `json:"transient"`
}

type clearOutputContent struct {
	Wait bool `json:"wait"`
}

func newCellOutput(s *Server, parent *Message, req engine.ExecuteRequest) *cellOutput {
	return &cellOutput{s: s, parent: parent, req: req, ctx: context.Background()}
}

// Stream queues text for the stream name ("stdout" or "stderr"; anything else counts as
// stdout), up to the cell's output limit.
func (o *cellOutput) Stream(name, text string) {
	if name != "stderr" {
		name = "stdout"
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.closed || o.req.Silent || text == "" {
		return
	}
	if room := o.s.opts.MaxOutputBytes - o.written; len(text) > room {
		kept := validPrefix(text, max(room, 0))
		o.cut += len(text) - len(kept)
		text = kept
		if text == "" {
			return
		}
	}
	o.written += len(text)
	if n := len(o.pending); n > 0 && o.pending[n-1].name == name {
		o.pending[n-1].text.WriteString(text)
	} else {
		o.pending = append(o.pending, streamChunk{name: name})
		o.pending[len(o.pending)-1].text.WriteString(text)
	}
	if o.timer == nil {
		o.timer = time.AfterFunc(o.s.opts.FlushInterval, o.flush)
	}
}

// validPrefix returns the longest prefix of text no longer than n bytes that does not split
// a UTF-8 sequence.
func validPrefix(text string, n int) string {
	if n >= len(text) {
		return text
	}
	for n > 0 && !utf8.RuneStart(text[n]) {
		n--
	}
	return text[:n]
}

func (o *cellOutput) flush() {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.flushLocked()
}

// flushLocked publishes the queued stream text; o.mu is held.
func (o *cellOutput) flushLocked() {
	if o.timer != nil {
		o.timer.Stop()
		o.timer = nil
	}
	for i := range o.pending {
		o.s.publish(o.parent, "stream", streamContent{Name: o.pending[i].name, Text: o.pending[i].text.String()})
	}
	o.pending = nil
}

// Display publishes display_data, or update_display_data when d.Update.
func (o *cellOutput) Display(d engine.DisplayData) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.closed || o.req.Silent {
		return
	}
	o.flushLocked()
	msgType := "display_data"
	if d.Update {
		msgType = "update_display_data"
	}
	transient := map[string]any{}
	if d.DisplayID != "" {
		transient["display_id"] = d.DisplayID
	}
	o.s.publish(o.parent, msgType, displayContent{Data: object(d.Data), Metadata: object(d.Metadata), Transient: transient})
}

// ClearOutput publishes clear_output.
func (o *cellOutput) ClearOutput(wait bool) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.closed || o.req.Silent {
		return
	}
	o.flushLocked()
	o.s.publish(o.parent, "clear_output", clearOutputContent{Wait: wait})
}

// Input asks the front end that sent the cell for a line, when it accepts input.
func (o *cellOutput) Input(prompt string, password bool) (string, error) {
	if !o.req.AllowStdin {
		return "", engine.ErrNoStdin
	}
	o.mu.Lock()
	closed := o.closed
	o.mu.Unlock()
	if closed || o.ctx.Err() != nil {
		return "", engine.ErrCellOver
	}
	o.flush()
	o.inputMu.Lock()
	defer o.inputMu.Unlock()
	return o.s.askInput(o.ctx, o.parent, prompt, password)
}

// finish publishes what is queued and the notice of cut output; later output is dropped.
func (o *cellOutput) finish() {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.flushLocked()
	if o.cut > 0 {
		o.s.publish(o.parent, "stream", streamContent{Name: "stderr", Text: fmt.Sprintf(
			"\n[output cut: this cell wrote %s more than the limit of %s of output per cell; the cell ran to its end. To see more, %s.]\n",
			byteSize(o.cut), byteSize(o.s.opts.MaxOutputBytes), o.s.opts.MaxOutputHint)})
	}
	o.closed = true
}

// byteSize writes n bytes for people: 512 B, 3.0 KiB, 8.0 MiB.
func byteSize(n int) string {
	switch {
	case n < 1<<10:
		return fmt.Sprintf("%d B", n)
	case n < 1<<20:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	default:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	}
}
