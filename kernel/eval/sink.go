package eval

import "github.com/concurlab/concurlab/kernel/engine"

// Display shows a bundle of the display package on the running cell, or holds it for the
// next cell like other late output. It makes cellStdio a display.Sink.
func (ro *cellStdio) Display(data, metadata map[string]any, displayID string, update bool) {
	ro.gate.Display(engine.DisplayData{Data: data, Metadata: metadata, DisplayID: displayID, Update: update})
}

// Clear clears the running cell's output.
func (ro *cellStdio) Clear(wait bool) { ro.gate.ClearOutput(wait) }
