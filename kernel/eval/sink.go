package eval

import (
	"fmt"

	"github.com/concurlab/concurlab/kernel/engine"
)

// Display shows a bundle of the display package on the running cell; between cells its
// text/plain is kept for the next cell like other late output. It makes router a
// display.Sink.
func (ro *router) Display(data, metadata map[string]any, displayID string, update bool) {
	ro.mu.Lock()
	if ro.out != nil {
		defer ro.mu.Unlock()
		ro.out.Display(engine.DisplayData{Data: data, Metadata: metadata, DisplayID: displayID, Update: update})
		return
	}
	ro.mu.Unlock()
	ro.deliver("stdout", fmt.Sprintln(data["text/plain"]))
}

// Clear clears the running cell's output.
func (ro *router) Clear(wait bool) {
	ro.mu.Lock()
	defer ro.mu.Unlock()
	if ro.out != nil {
		ro.out.ClearOutput(wait)
	}
}
