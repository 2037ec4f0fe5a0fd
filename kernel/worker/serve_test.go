package worker

import (
	"encoding/json"
	"errors"
	"io"
	"slices"
	"testing"

	"github.com/concurlab/concurlab/kernel/engine"
)

// servedWorker is Serve running a fakeEngine over in-memory pipes.
type servedWorker struct {
	requests *json.Encoder
	events   *json.Decoder
	closeIn  func() error
	done     chan error
}

// serve starts Serve with a fakeEngine; the test ends it by closing the requests.
func serve(t *testing.T) *servedWorker {
	t.Helper()
	reqR, reqW := io.Pipe()
	evR, evW := io.Pipe()
	w := &servedWorker{requests: json.NewEncoder(reqW), events: json.NewDecoder(evR), closeIn: reqW.Close, done: make(chan error, 1)}
	go func() { w.done <- Serve(&fakeEngine{}, reqR, evW); evW.Close() }()
	t.Cleanup(func() { reqW.Close(); evR.Close() })
	return w
}

// send writes the call c with args under id.
func send[A, R any](t *testing.T, w *servedWorker, id uint64, c call[A, R], args A) {
	t.Helper()
	req := c.request(args)
	req.ID = id
	if err := w.requests.Encode(req); err != nil {
		t.Fatal(err)
	}
}

// next reads the next event.
func (w *servedWorker) next(t *testing.T) event {
	t.Helper()
	var ev event
	if err := w.events.Decode(&ev); err != nil {
		t.Fatal(err)
	}
	return ev
}

// replyTo decodes the reply to c that ev carries, failing the test when it carries none.
func replyTo[A, R any](t *testing.T, c call[A, R], ev event) R {
	t.Helper()
	var reply R
	if err := json.Unmarshal(ev.Reply, &reply); err != nil {
		t.Fatalf("event %+v carries no %s reply: %v", ev, c.method, err)
	}
	return reply
}

// engineRequest is the execute request of code.
func engineRequest(code string) engine.ExecuteRequest { return engine.ExecuteRequest{Code: code} }

func TestServeAnswersRequests(t *testing.T) {
	w := serve(t)
	send(t, w, 2, callComplete, completeArgs{Code: "fm", Cursor: 2})
	if c := replyTo(t, callComplete, w.next(t)); !slices.Equal(c.Matches, []string{"complete:fm"}) || c.CursorEnd != 2 {
		t.Errorf("complete: %+v", c)
	}
	send(t, w, 3, callInspect, inspectArgs{Code: "x", DetailLevel: 1})
	if in := replyTo(t, callInspect, w.next(t)); in.Data["text/plain"] != "inspect:x:1" {
		t.Errorf("inspect: %+v", in)
	}
	send(t, w, 4, callIsComplete, isCompleteArgs{Code: "{"})
	if c := replyTo(t, callIsComplete, w.next(t)); c.Status != "incomplete" {
		t.Errorf("is_complete: %+v", c)
	}
	send(t, w, 5, callReplay, []string{"ok", "bad"})
	if r := replyTo(t, callReplay, w.next(t)); r.Error != "bad: cannot declare" {
		t.Errorf("replay: %+v", r)
	}
	bad := []struct {
		req  request
		want string
	}{
		{request{ID: 6, Method: "Frobnicate"}, `unknown method "Frobnicate"`},
		{request{ID: 7, Method: callComplete.method, Args: "fm"}, "the arguments of Complete: json: cannot unmarshal string into Go value of type worker.completeArgs"},
	}
	for _, tt := range bad {
		if err := w.requests.Encode(tt.req); err != nil {
			t.Fatal(err)
		}
		if ev := w.next(t); ev.ID != tt.req.ID || ev.Error != tt.want {
			t.Errorf("%s: event %+v, want the error %q", tt.req.Method, ev, tt.want)
		}
	}
	send(t, w, 8, callShutdown, shutdownArgs{})
	if ev := w.next(t); ev.ID != 8 || ev.Error != "" {
		t.Errorf("shutdown: reply %+v", ev)
	}
	if err := <-w.done; err != nil {
		t.Errorf("Serve after shutdown: %v", err)
	}
}

func TestServeExecutes(t *testing.T) {
	w := serve(t)
	send(t, w, 1, callExecute, engineRequest("print hi\ndeclare func f() {}"))
	if ev := w.next(t); ev.Stream == nil || *ev.Stream != (streamEvent{"stdout", "hi\n"}) || ev.ID != 1 {
		t.Errorf("first event %+v, want the cell's stream", ev)
	}
	if r := replyTo(t, callExecute, w.next(t)); r.Reply.Error != nil || r.Declarations == nil || !slices.Equal(*r.Declarations, []string{"func f() {}"}) {
		t.Errorf("reply %+v, want success with the declarations", r)
	}

	send(t, w, 2, callExecute, engineRequest("input name?"))
	ask := w.next(t)
	if ask.Input == nil || ask.Input.Prompt != "name?" || ask.ID != 2 || ask.Input.InputID == 0 {
		t.Fatalf("event %+v, want an input request", ask)
	}
	send(t, w, 0, callInputReply, inputAnswer{InputID: ask.Input.InputID + 1, Input: "stale"})
	send(t, w, 0, callInputReply, inputAnswer{InputID: ask.Input.InputID, Input: "Ada"})
	if ev := w.next(t); ev.Stream == nil || ev.Stream.Text != "got Ada\n" {
		t.Errorf("event %+v, want the answer printed", ev)
	}
	if r := replyTo(t, callExecute, w.next(t)); r.Declarations != nil {
		t.Errorf("reply %+v: the declarations did not change, yet they came back", r)
	}

	send(t, w, 3, callExecute, engineRequest("wait"))
	send(t, w, 0, callInterrupt, struct{}{})
	if r := replyTo(t, callExecute, w.next(t)); r.Reply.Error == nil || r.Reply.Error.Name != "Interrupted" {
		t.Errorf("interrupted cell: %+v", r)
	}

	w.closeIn()
	if err := <-w.done; err != nil {
		t.Errorf("Serve after the requests ended: %v", err)
	}
}

// The declarations come back with a cell's reply only when they changed, replayed ones
// included: the supervisor keeps those it has.
func TestServeSendsDeclarationsThatChanged(t *testing.T) {
	w := serve(t)
	send(t, w, 1, callReplay, []string{"type T int"})
	w.next(t)
	tests := []struct {
		code string
		want []string // nil: not sent
	}{
		{"print unchanged after the replay", nil},
		{"declare func f() {}", []string{"type T int", "func f() {}"}},
		{"print unchanged", nil},
		{"declare var x int", []string{"type T int", "func f() {}", "var x int"}},
	}
	for i, tt := range tests {
		send(t, w, uint64(i+2), callExecute, engineRequest(tt.code))
		ev := w.next(t)
		for ev.Stream != nil {
			ev = w.next(t)
		}
		got := replyTo(t, callExecute, ev).Declarations
		if (got == nil) != (tt.want == nil) || got != nil && !slices.Equal(*got, tt.want) {
			t.Errorf("%q: declarations %v, want %q", tt.code, got, tt.want)
		}
	}
}

func TestInputError(t *testing.T) {
	tests := []struct {
		text string
		want error
	}{
		{"", nil},
		{engine.ErrNoStdin.Error(), engine.ErrNoStdin},
		{engine.ErrInputInterrupted.Error(), engine.ErrInputInterrupted},
		{engine.ErrCellOver.Error(), engine.ErrCellOver},
		{engine.ErrNoCell.Error(), engine.ErrNoCell},
	}
	for _, tt := range tests {
		if got := inputError(tt.text); !errors.Is(got, tt.want) || (got == nil) != (tt.want == nil) {
			t.Errorf("inputError(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
	if got := inputError("interrupted"); got == nil || got.Error() != "interrupted" {
		t.Errorf(`inputError("interrupted") = %v`, got)
	}
}

func TestServeReportsEventsThatCannotBeEncoded(t *testing.T) {
	w := serve(t)
	send(t, w, 1, callExecute, engineRequest("number NaN\nnumber 2\ndeclare func f() {}\nresult NaN"))
	tests := []struct {
		want  string
		check func(event) bool
	}{
		{"a stderr notice of the display", func(ev event) bool {
			return ev.Stream != nil && *ev.Stream == streamEvent{"stderr", "[a display could not be shown: json: unsupported value: NaN]\n"}
		}},
		{"the display that can be encoded", func(ev event) bool {
			return ev.Display != nil && ev.Display.Data["application/json"] == 2.0
		}},
		{"an execute reply saying why, with the declarations", func(ev event) bool {
			r := replyTo(t, callExecute, ev)
			return r.Reply.Error != nil && r.Reply.Error.Name == "OutputError" &&
				r.Reply.Error.Value == "the cell's reply could not be encoded: json: unsupported value: NaN" &&
				r.Declarations != nil && slices.Equal(*r.Declarations, []string{"func f() {}"})
		}},
	}
	for _, tt := range tests {
		if ev := w.next(t); ev.ID != 1 || !tt.check(ev) {
			t.Errorf("event %+v, want %s", ev, tt.want)
		}
	}
}

// Input requests made at once by goroutines of one cell each get their own answer, whatever
// order the answers come in.
func TestServeRoutesEachInputReply(t *testing.T) {
	w := serve(t)
	send(t, w, 1, callExecute, engineRequest("inputs 3"))
	var asks []*inputEvent
	for range 3 {
		asks = append(asks, w.next(t).Input)
	}
	for _, ask := range slices.Backward(asks) {
		send(t, w, 0, callInputReply, inputAnswer{InputID: ask.InputID, Input: "to " + ask.Prompt})
	}
	var printed []string
	for range 3 {
		printed = append(printed, w.next(t).Stream.Text)
	}
	slices.Sort(printed)
	want := []string{"q1 got to q1 <nil>\n", "q2 got to q2 <nil>\n", "q3 got to q3 <nil>\n"}
	if !slices.Equal(printed, want) {
		t.Errorf("printed %q, want %q", printed, want)
	}
}

// A goroutine that asks for input once its cell has ended gets engine.ErrCellOver at once,
// and no input request reaches the supervisor.
func TestServeRefusesInputAfterTheCell(t *testing.T) {
	w := serve(t)
	send(t, w, 1, callExecute, engineRequest("askafter late?"))
	replyTo(t, callExecute, w.next(t))
	if ev := w.next(t); ev.Stream == nil || ev.Stream.Text != engine.ErrCellOver.Error()+"\n" {
		t.Errorf("event %+v, want the goroutine's input error and no input request", ev)
	}
}
