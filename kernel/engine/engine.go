// Package engine is the seam between the Jupyter protocol server and whatever evaluates cells,
// in the manner of xeus's xinterpreter: the server knows only this interface and a narrow way to
// publish output; an engine knows nothing of sockets, signatures or message headers.
//
// Cursor positions in this package count Unicode code points, as the Jupyter protocol does.
package engine

import (
	"context"
	"errors"
)

// Engine evaluates cells for one kernel session. The server calls Execute, Complete, Inspect
// and IsComplete one at a time, in the order the requests arrive on the shell socket.
type Engine interface {
	// Info describes the engine and its language for kernel_info_reply.
	Info() Info
	// Execute runs one cell. Cancelling ctx is an interrupt: Execute must return promptly
	// with an Error whose Name is "Interrupted". Output published through out belongs to
	// this cell until Execute returns; out must not be used after that.
	Execute(ctx context.Context, req ExecuteRequest, out Output) ExecuteReply
	// Complete proposes completions for the code at cursor.
	Complete(code string, cursor int) Completion
	// Inspect describes the name at cursor; detailLevel 1 asks for more (the source).
	Inspect(code string, cursor, detailLevel int) Inspection
	// IsComplete tells a console whether code is ready to run.
	IsComplete(code string) Completeness
	// Shutdown releases the engine's resources. With restart, the engine will be replaced
	// by a fresh one; without, the kernel is about to exit.
	Shutdown(restart bool)
}

// Replayer is implemented by engines whose declarations can be carried into a fresh engine,
// so that a replaced evaluation worker keeps the user's functions, types and imports.
type Replayer interface {
	// Declarations returns the session's current declarations (imports, types, funcs,
	// methods, vars, consts), each a source chunk, in an order in which they replay.
	Declarations() []string
	// Replay declares decls in an empty session. It reports the chunks that failed.
	Replay(decls []string) error
}

// Resetter is implemented by engines that can start the session afresh, as %reset asks:
// every declaration and value is forgotten, and the goroutines the old session started stop.
type Resetter interface {
	// Reset forgets every declaration and value; the next cell runs in a fresh session.
	Reset()
}

// ExecuteRequest is one execute_request's content, with the execution count the cell gets.
type ExecuteRequest struct {
	Code            string
	Silent          bool
	StoreHistory    bool
	AllowStdin      bool
	StopOnError     bool
	UserExpressions map[string]string
	// ExecutionCount is the count shown as In[n] for this cell; errors name it.
	ExecutionCount int
}

// ExecuteReply is what a cell produced once it has finished.
type ExecuteReply struct {
	// Result is the value of the cell's last expression, sent as execute_result; nil when
	// the cell ends in a statement.
	Result *DisplayData `json:",omitempty"`
	// Error is set when the cell failed or was interrupted.
	Error *Error `json:",omitempty"`
	// UserExpressions holds the value of each requested user expression.
	UserExpressions map[string]ExpressionValue `json:",omitempty"`
	// Payload holds execute_reply payloads, such as {"source": "page", "data": {...},
	// "start": 0} for documentation a front end shows in its pager.
	Payload []map[string]any `json:",omitempty"`
}

// ExpressionValue is one user expression's value, or its error.
type ExpressionValue struct {
	Data     map[string]any `json:",omitempty"`
	Metadata map[string]any `json:",omitempty"`
	Error    *Error         `json:",omitempty"`
}

// Error is a failed cell: Name is the error's kind ("panic", "CompileError", "Interrupted",
// "Deadlock", ...), Value one line saying what went wrong, Traceback the lines a person
// reads (ANSI colours allowed), never empty.
type Error struct {
	Name      string
	Value     string
	Traceback []string
}

// Error makes *Error a Go error.
func (e *Error) Error() string { return e.Name + ": " + e.Value }

// DisplayData is a MIME bundle to show: display_data, update_display_data or execute_result.
type DisplayData struct {
	// Data maps MIME types ("text/plain", "text/html", "image/svg+xml", ...) to content.
	Data     map[string]any
	Metadata map[string]any `json:",omitempty"`
	// DisplayID names a display that later updates replace (transient.display_id).
	DisplayID string `json:",omitempty"`
	// Update replaces the display named DisplayID instead of adding a new one.
	Update bool `json:",omitempty"`
}

// Output is how a running cell publishes what it shows. Implementations are safe for
// concurrent use: goroutines that a cell starts publish through it too.
type Output interface {
	// Stream writes text to "stdout" or "stderr".
	Stream(name, text string)
	// Display shows (or, with d.Update, replaces) a MIME bundle.
	Display(d DisplayData)
	// ClearOutput clears the cell's output, at once or (wait) when new output arrives.
	ClearOutput(wait bool)
	// Input asks the user for a line of text. It returns ErrNoStdin when the front end
	// does not accept input, and an error when the cell is interrupted while waiting.
	Input(prompt string, password bool) (string, error)
}

// The errors that Output.Input returns besides the front end's own; code that asks for input
// may tell them apart with errors.Is, in the kernel process and in a worker alike.
var (
	// ErrNoStdin is returned when the request had allow_stdin false.
	ErrNoStdin = errors.New("this front end does not accept input (allow_stdin is false)")
	// ErrInputInterrupted is returned when the cell is interrupted while it waits for input.
	ErrInputInterrupted = errors.New("interrupted while waiting for input")
	// ErrCellOver is returned to a goroutine that asks for input after its cell finished: no
	// front end waits for that cell's prompts any more.
	ErrCellOver = errors.New("the cell that asked for input has finished")
	// ErrNoCell is returned to input asked for while no cell runs at all.
	ErrNoCell = errors.New("no cell is running to ask for input")
)

// Info describes an engine for kernel_info_reply.
type Info struct {
	Implementation        string
	ImplementationVersion string
	Banner                string
	Language              LanguageInfo
	HelpLinks             []HelpLink
}

// LanguageInfo is kernel_info_reply's language_info.
type LanguageInfo struct {
	Name           string `json:"name"`
	Version        string `json:"version"`
	Mimetype       string `json:"mimetype"`
	FileExtension  string `json:"file_extension"`
	PygmentsLexer  string `json:"pygments_lexer"`
	CodemirrorMode string `json:"codemirror_mode"`
}

// HelpLink is one entry of the front end's Help menu.
type HelpLink struct {
	Text string `json:"text"`
	URL  string `json:"url"`
}

// Completion is complete_reply's content; CursorStart and CursorEnd bound the text that a
// match replaces.
type Completion struct {
	Matches     []string
	CursorStart int
	CursorEnd   int
	Metadata    map[string]any `json:",omitempty"`
}

// Inspection is inspect_reply's content: Found tells whether there was anything to show.
type Inspection struct {
	Found    bool
	Data     map[string]any `json:",omitempty"`
	Metadata map[string]any `json:",omitempty"`
}

// Completeness is is_complete_reply's content: Status is "complete", "incomplete",
// "invalid" or "unknown"; Indent is the indent for the next line when incomplete.
type Completeness struct {
	Status string
	Indent string `json:",omitempty"`
}
