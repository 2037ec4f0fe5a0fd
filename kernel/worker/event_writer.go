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

// send writes ev, or, when ev cannot be encoded (a NaN in a display's data, say), an event
// with the same ID that tells why, so that nobody waits for an event that never comes. A
// failed write means the supervisor is gone, which the request stream's end will tell Serve,
// so the write error is dropped.
func (w *eventWriter) send(ev event) {
	line, err := json.Marshal(ev)
	if err != nil {
		line, err = json.Marshal(unencodable(ev, err))
		if err != nil {
			return
		}
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	_, _ = w.w.Write(append(line, '\n'))
}

// unencodable stands in for ev, which could not be encoded because of err.
func unencodable(ev event, err error) event {
	switch ev.Type {
	case eventExecuteReply:
		value := "the cell's reply could not be encoded: " + err.Error()
		return event{ID: ev.ID, Type: eventExecuteReply, Declarations: ev.Declarations,
			Reply: &engine.ExecuteReply{Error: &engine.Error{Name: "OutputError", Value: value,
				Traceback: []string{"OutputError: " + value + ".",
					"JSON cannot hold values such as NaN or ±Inf, channels or funcs; show them as text."}}}}
	case eventDisplay:
		return event{ID: ev.ID, Type: eventStream, Name: "stderr",
			Text: "[a display could not be shown: " + err.Error() + "]\n"}
	}
	return event{ID: ev.ID, Type: eventError, Error: fmt.Sprintf("the %s could not be encoded: %v", ev.Type, err)}
}
