package worker

import "github.com/concurlab/concurlab/kernel/engine"

// Request types, sent by the supervisor to the worker.
const (
	requestExecute    = "execute"
	requestInterrupt  = "interrupt"
	requestInputReply = "input_reply"
	requestComplete   = "complete"
	requestInspect    = "inspect"
	requestIsComplete = "is_complete"
	requestReplay     = "replay"
	requestShutdown   = "shutdown"
)

// Event types, sent by the worker to the supervisor.
const (
	eventStream          = "stream"
	eventDisplay         = "display"
	eventClearOutput     = "clear_output"
	eventInputRequest    = "input_request"
	eventExecuteReply    = "execute_reply"
	eventCompleteReply   = "complete_reply"
	eventInspectReply    = "inspect_reply"
	eventIsCompleteReply = "is_complete_reply"
	eventReplayReply     = "replay_reply"
	eventShutdownReply   = "shutdown_reply"
	eventError           = "error"
)

// request is one line the supervisor writes to the worker's request pipe. ID pairs it with
// its reply event; only the fields of its Type are set.
type request struct {
	ID           uint64                 `json:"id"`
	Type         string                 `json:"type"`
	Execute      *engine.ExecuteRequest `json:"execute,omitempty"`
	Code         string                 `json:"code,omitempty"`
	Cursor       int                    `json:"cursor,omitempty"`
	DetailLevel  int                    `json:"detail_level,omitempty"`
	Declarations []string               `json:"declarations,omitempty"`
	InputID      uint64                 `json:"input_id,omitempty"`
	Input        string                 `json:"input,omitempty"`
	InputError   string                 `json:"input_error,omitempty"`
}

// event is one line the worker writes to its event pipe. Output events (stream, display,
// clear_output, input_request) carry the ID of the execute request that produced them;
// replies carry the ID of their request. An input_request also has an InputID of its own,
// which its input_reply request returns.
type event struct {
	ID           uint64               `json:"id"`
	Type         string               `json:"type"`
	Name         string               `json:"name,omitempty"`
	Text         string               `json:"text,omitempty"`
	Display      *engine.DisplayData  `json:"display,omitempty"`
	Wait         bool                 `json:"wait,omitempty"`
	InputID      uint64               `json:"input_id,omitempty"`
	Prompt       string               `json:"prompt,omitempty"`
	Password     bool                 `json:"password,omitempty"`
	Reply        *engine.ExecuteReply `json:"reply,omitempty"`
	Declarations []string             `json:"declarations,omitempty"`
	Completion   *engine.Completion   `json:"completion,omitempty"`
	Inspection   *engine.Inspection   `json:"inspection,omitempty"`
	Completeness *engine.Completeness `json:"completeness,omitempty"`
	Error        string               `json:"error,omitempty"`
}
