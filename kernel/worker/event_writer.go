package worker

import (
	"encoding/json"
	"fmt"
	"io"
	"sync"

	"github.com/concurlab/concurlab/kernel/engine"
)

// eventWriter writes whole events, one line each, from any goroutine.
type eventWriter struct {
	mu sync.Mutex
	w  io.Writer
}

// send writes ev. A display that cannot be encoded (a NaN in its data, say) becomes a line on
// the cell's stderr that tells why. A failed write means the supervisor is gone, which the
// request stream's end will tell Serve, so the write error is dropped.
func (w *eventWriter) send(ev event) {
	line, err := json.Marshal(ev)
	if err != nil && ev.Display != nil {
		line, err = json.Marshal(event{ID: ev.ID, Stream: &streamEvent{Name: "stderr",
			Text: "[a display could not be shown: " + err.Error() + "]\n"}})
	}
	if err != nil {
		return
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	_, _ = w.w.Write(append(line, '\n'))
}

// replyStandIn is the event sent instead of the reply v to call id, which could not be
// encoded because of err, so that nobody waits for a reply that never comes: for a cell, a
// reply with the cell's error and its declarations; for other calls, an error event.
func replyStandIn(id uint64, v any, err error) event {
	result, ok := v.(executeResult)
	if !ok {
		return event{ID: id, Error: fmt.Sprintf("the reply could not be encoded: %v", err)}
	}
	value := "the cell's reply could not be encoded: " + err.Error()
	raw, _ := json.Marshal(executeResult{Declarations: result.Declarations,
		Reply: engine.ExecuteReply{Error: &engine.Error{Name: "OutputError", Value: value,
			Traceback: []string{"OutputError: " + value + ".",
				"JSON cannot hold values such as NaN or ±Inf, channels or funcs; show them as text."}}}})
	return event{ID: id, Reply: raw}
}
