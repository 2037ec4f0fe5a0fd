package worker

import (
	"encoding/json"
	"reflect"

	"github.com/concurlab/concurlab/kernel/engine"
)

// The worker protocol is newline-delimited JSON: requests from the supervisor on the worker's
// fd 3, events from the worker on its fd 4. A request calls one method of the worker's engine
// (or one of the protocol's own, such as an interrupt); the worker answers with one reply
// event, except for the calls that have none. While a cell runs, the worker also sends the
// cell's output as events, which carry the ID of the cell's execute call.

// request is one line the supervisor writes: a call of Method with its Args, whose reply
// event has the same ID.
type request struct {
	ID     uint64 `json:"id"`
	Method string `json:"method"`
	Args   any    `json:"args"`
}

// receivedRequest is a request as the worker reads it, its Args still to decode into the
// call's argument type.
type receivedRequest struct {
	ID     uint64          `json:"id"`
	Method string          `json:"method"`
	Args   json.RawMessage `json:"args"`
}

// event is one line the worker writes: exactly one of its fields besides ID is set. Output
// (Stream, Display, Clear, Input) carries the ID of the execute call whose cell published it;
// Reply and Error the ID of the call they answer.
type event struct {
	ID      uint64              `json:"id"`
	Stream  *streamEvent        `json:"stream,omitempty"`
	Display *engine.DisplayData `json:"display,omitempty"`
	Clear   *clearEvent         `json:"clear,omitempty"`
	Input   *inputEvent         `json:"input,omitempty"`
	// Reply is the call's reply, encoded as its call's reply type.
	Reply json.RawMessage `json:"reply,omitempty"`
	// Error says why the worker could not serve the call.
	Error string `json:"error,omitempty"`
}

// streamEvent is one Output.Stream call.
type streamEvent struct {
	Name string `json:"name"`
	Text string `json:"text"`
}

// clearEvent is one Output.ClearOutput call.
type clearEvent struct {
	Wait bool `json:"wait"`
}

// inputEvent is one Output.Input call; InputID pairs it with the callInputReply that answers
// it.
type inputEvent struct {
	InputID  uint64 `json:"input_id"`
	Prompt   string `json:"prompt"`
	Password bool   `json:"password"`
}

// call is one request the supervisor can make of the worker: the method it calls, with
// arguments of type A and a reply of type R.
type call[A, R any] struct{ method string }

// The calls of the protocol. Those named after a method of engine.Engine or engine.Replayer
// call it; TestProtocolCoversTheEngine checks that each method has its call and that the
// argument and reply types match the method's.
var (
	callExecute    = call[engine.ExecuteRequest, executeResult]{"Execute"}
	callComplete   = call[completeArgs, engine.Completion]{"Complete"}
	callInspect    = call[inspectArgs, engine.Inspection]{"Inspect"}
	callIsComplete = call[isCompleteArgs, engine.Completeness]{"IsComplete"}
	callReplay     = call[[]string, errorResult]{"Replay"}
	callShutdown   = call[shutdownArgs, struct{}]{"Shutdown"}
	// callInterrupt cancels the running cell; it has no reply.
	callInterrupt = call[struct{}, struct{}]{"interrupt"}
	// callInputReply answers an inputEvent; it has no reply.
	callInputReply = call[inputAnswer, struct{}]{"input_reply"}
)

// request makes the request of a call with args.
func (c call[A, R]) request(args A) request { return request{Method: c.method, Args: args} }

// types returns the call's argument and reply types.
func (c call[A, R]) types() (args, reply reflect.Type) {
	return reflect.TypeFor[A](), reflect.TypeFor[R]()
}

// executeResult is the reply to callExecute: the cell's reply and, when the cell changed
// them, the session's declarations, so that a fresh worker can replay them.
type executeResult struct {
	Reply engine.ExecuteReply `json:"reply"`
	// Declarations is nil when the cell left them as they were.
	Declarations *[]string `json:"declarations,omitempty"`
}

// completeArgs are the arguments of engine.Engine.Complete.
type completeArgs struct {
	Code   string `json:"code"`
	Cursor int    `json:"cursor"`
}

// inspectArgs are the arguments of engine.Engine.Inspect.
type inspectArgs struct {
	Code        string `json:"code"`
	Cursor      int    `json:"cursor"`
	DetailLevel int    `json:"detail_level"`
}

// isCompleteArgs are the arguments of engine.Engine.IsComplete.
type isCompleteArgs struct {
	Code string `json:"code"`
}

// shutdownArgs are the arguments of engine.Engine.Shutdown.
type shutdownArgs struct {
	Restart bool `json:"restart"`
}

// errorResult is the reply of a method that returns an error: its text, or "".
type errorResult struct {
	Error string `json:"error,omitempty"`
}

// inputAnswer is the front end's answer to an inputEvent: the line, or the error's text.
type inputAnswer struct {
	InputID uint64 `json:"input_id"`
	Input   string `json:"input,omitempty"`
	Error   string `json:"error,omitempty"`
}

// publish makes on out the Output call that ev carries, Input excepted, which needs an answer;
// it tells whether ev carried one.
func (ev event) publish(out engine.Output) bool {
	switch {
	case ev.Stream != nil:
		out.Stream(ev.Stream.Name, ev.Stream.Text)
	case ev.Display != nil:
		out.Display(*ev.Display)
	case ev.Clear != nil:
		out.ClearOutput(ev.Clear.Wait)
	default:
		return false
	}
	return true
}
