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

// errInputInterrupted is what Input returns once the cell was interrupted or has finished.
var errInputInterrupted = errors.New("input interrupted: the cell was interrupted or has finished")

// Stream sends text to the cell's stdout or stderr.
func (o *childOutput) Stream(name, text string) {
	o.events.send(event{ID: o.id, Type: eventStream, Name: name, Text: text})
}

// Display sends a MIME bundle to show.
func (o *childOutput) Display(d engine.DisplayData) {
	o.events.send(event{ID: o.id, Type: eventDisplay, Display: &d})
}

// ClearOutput asks the front end to clear the cell's output.
func (o *childOutput) ClearOutput(wait bool) {
	o.events.send(event{ID: o.id, Type: eventClearOutput, Wait: wait})
}

// Input asks the supervisor for a line of input and waits for the answer or an interrupt.
// A goroutine that outlived its cell gets an error at once: no front end waits for it.
func (o *childOutput) Input(prompt string, password bool) (string, error) {
	if o.ctx.Err() != nil {
		return "", errInputInterrupted
	}
	id, reply := o.inputs.add()
	defer o.inputs.remove(id)
	o.events.send(event{ID: o.id, Type: eventInputRequest, InputID: id, Prompt: prompt, Password: password})
	select {
	case r := <-reply:
		return r.Input, inputError(r.InputError)
	case <-o.ctx.Done():
		return "", errInputInterrupted
	}
}

// inputError turns an input_reply's error text back into an error, keeping engine.ErrNoStdin
// recognisable with errors.Is.
func inputError(text string) error {
	switch text {
	case "":
		return nil
	case engine.ErrNoStdin.Error():
		return engine.ErrNoStdin
	default:
		return errors.New(text)
	}
}
