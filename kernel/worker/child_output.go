package worker

import (
	"context"
	"errors"

	"github.com/concurlab/concurlab/kernel/engine"
)

// childOutput is the engine.Output a cell publishes through in the worker: each call becomes
// an event for the supervisor.
type childOutput struct {
	id     uint64
	ctx    context.Context
	events *eventWriter
	inputs *inputWaiters
}

// Stream sends text to the cell's stdout or stderr.
func (o *childOutput) Stream(name, text string) {
	o.events.send(event{ID: o.id, Stream: &streamEvent{Name: name, Text: text}})
}

// Display sends a MIME bundle to show.
func (o *childOutput) Display(d engine.DisplayData) {
	o.events.send(event{ID: o.id, Display: &d})
}

// ClearOutput asks the front end to clear the cell's output.
func (o *childOutput) ClearOutput(wait bool) {
	o.events.send(event{ID: o.id, Clear: &clearEvent{Wait: wait}})
}

// Input asks the supervisor for a line of input and waits for the answer or the cell's end:
// an interrupt gives engine.ErrInputInterrupted, and a goroutine that outlived its cell gets
// engine.ErrCellOver at once, since no front end waits for it.
func (o *childOutput) Input(prompt string, password bool) (string, error) {
	if o.ctx.Err() != nil {
		return "", o.ended()
	}
	id, reply := o.inputs.add()
	defer o.inputs.remove(id)
	o.events.send(event{ID: o.id, Input: &inputEvent{InputID: id, Prompt: prompt, Password: password}})
	select {
	case a := <-reply:
		return a.Input, inputError(a.Error)
	case <-o.ctx.Done():
		return "", o.ended()
	}
}

// ended is Input's error once the cell's context is done: the cell finished or was
// interrupted.
func (o *childOutput) ended() error {
	if cause := context.Cause(o.ctx); cause == engine.ErrCellOver {
		return cause
	}
	return engine.ErrInputInterrupted
}

// inputErrors are the errors of engine.Output.Input that keep their identity across the pipe.
var inputErrors = []error{engine.ErrNoStdin, engine.ErrInputInterrupted, engine.ErrCellOver, engine.ErrNoCell}

// inputError turns an input answer's error text back into an error, keeping the engine's
// errors recognisable with errors.Is.
func inputError(text string) error {
	if text == "" {
		return nil
	}
	for _, err := range inputErrors {
		if text == err.Error() {
			return err
		}
	}
	return errors.New(text)
}
