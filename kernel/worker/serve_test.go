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

// send writes one request.
func (w *servedWorker) send(t *testing.T, req request) {
	t.Helper()
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

func TestServeAnswersRequests(t *testing.T) {
	w := serve(t)
	tests := []struct {
		req   request
		check func(event) bool
	}{
		{request{ID: 2, Type: requestComplete, Code: "fm", Cursor: 2}, func(ev event) bool {
			return ev.Type == eventCompleteReply && slices.Equal(ev.Completion.Matches, []string{"complete:fm"})
		}},
		{request{ID: 3, Type: requestInspect, Code: "x", DetailLevel: 1}, func(ev event) bool {
			return ev.Type == eventInspectReply && ev.Inspection.Data["text/plain"] == "inspect:x:1"
		}},
		{request{ID: 4, Type: requestIsComplete, Code: "{"}, func(ev event) bool {
			return ev.Type == eventIsCompleteReply && ev.Completeness.Status == "incomplete"
		}},
		{request{ID: 5, Type: requestReplay, Declarations: []string{"ok", "bad"}}, func(ev event) bool {
			return ev.Type == eventReplayReply && ev.Error == "bad: cannot declare"
		}},
		{request{ID: 6, Type: "frobnicate"}, func(ev event) bool {
			return ev.Type == eventError && ev.Error == `unknown request type "frobnicate"`
		}},
	}
	for _, tt := range tests {
		w.send(t, tt.req)
		if ev := w.next(t); ev.ID != tt.req.ID || !tt.check(ev) {
			t.Errorf("%s: reply %+v", tt.req.Type, ev)
		}
	}
	w.send(t, request{ID: 7, Type: requestShutdown})
	if ev := w.next(t); ev.Type != eventShutdownReply {
		t.Errorf("shutdown: reply %+v", ev)
	}
	if err := <-w.done; err != nil {
		t.Errorf("Serve after shutdown: %v", err)
	}
}

func TestServeExecutes(t *testing.T) {
	w := serve(t)
	w.send(t, request{ID: 1, Type: requestExecute, Execute: &engine.ExecuteRequest{Code: "print hi\ndeclare func f() {}"}})
	if ev := w.next(t); ev.Type != eventStream || ev.Name != "stdout" || ev.Text != "hi\n" || ev.ID != 1 {
		t.Errorf("first event %+v, want the cell's stream", ev)
	}
	if ev := w.next(t); ev.Type != eventExecuteReply || ev.Reply.Error != nil || !slices.Equal(ev.Declarations, []string{"func f() {}"}) {
		t.Errorf("reply %+v, want success with the declarations", ev)
	}

	w.send(t, request{ID: 2, Type: requestExecute, Execute: &engine.ExecuteRequest{Code: "input name?"}})
	ask := w.next(t)
	if ask.Type != eventInputRequest || ask.Prompt != "name?" || ask.ID != 2 || ask.InputID == 0 {
		t.Fatalf("event %+v, want an input request", ask)
	}
	w.send(t, request{ID: 2, Type: requestInputReply, InputID: ask.InputID + 1, Input: "stale"})
	w.send(t, request{ID: 2, Type: requestInputReply, InputID: ask.InputID, Input: "Ada"})
	if ev := w.next(t); ev.Text != "got Ada\n" {
		t.Errorf("event %+v, want the answer printed", ev)
	}
	w.next(t)

	w.send(t, request{ID: 3, Type: requestExecute, Execute: &engine.ExecuteRequest{Code: "wait"}})
	w.send(t, request{ID: 4, Type: requestInterrupt})
	if ev := w.next(t); ev.Type != eventExecuteReply || ev.Reply.Error == nil || ev.Reply.Error.Name != "Interrupted" {
		t.Errorf("interrupted cell: %+v", ev)
	}

	w.closeIn()
	if err := <-w.done; err != nil {
		t.Errorf("Serve after the requests ended: %v", err)
	}
}

func TestInputError(t *testing.T) {
	tests := []struct {
		text string
		want error
	}{
		{"", nil},
		{engine.ErrNoStdin.Error(), engine.ErrNoStdin},
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
	w.send(t, request{ID: 1, Type: requestExecute, Execute: &engine.ExecuteRequest{Code: "number NaN\nnumber 2\ndeclare func f() {}\nresult NaN"}})
	tests := []struct {
		want  string
		check func(event) bool
	}{
		{"a stderr notice of the display", func(ev event) bool {
			return ev.Type == eventStream && ev.Name == "stderr" && ev.Text == "[a display could not be shown: json: unsupported value: NaN]\n"
		}},
		{"the display that can be encoded", func(ev event) bool {
			return ev.Type == eventDisplay && ev.Display.Data["application/json"] == 2.0
		}},
		{"an execute_reply saying why, with the declarations", func(ev event) bool {
			return ev.Type == eventExecuteReply && ev.Reply.Error != nil && ev.Reply.Error.Name == "OutputError" &&
				ev.Reply.Error.Value == "the cell's reply could not be encoded: json: unsupported value: NaN" &&
				slices.Equal(ev.Declarations, []string{"func f() {}"})
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
	w.send(t, request{ID: 1, Type: requestExecute, Execute: &engine.ExecuteRequest{Code: "inputs 3"}})
	var asks []event
	for range 3 {
		asks = append(asks, w.next(t))
	}
	for _, ask := range slices.Backward(asks) {
		w.send(t, request{ID: 1, Type: requestInputReply, InputID: ask.InputID, Input: "to " + ask.Prompt})
	}
	var printed []string
	for range 3 {
		printed = append(printed, w.next(t).Text)
	}
	slices.Sort(printed)
	want := []string{"q1 got to q1 <nil>\n", "q2 got to q2 <nil>\n", "q3 got to q3 <nil>\n"}
	if !slices.Equal(printed, want) {
		t.Errorf("printed %q, want %q", printed, want)
	}
}

// A goroutine that asks for input once its cell has ended gets an error at once, and no
// input request reaches the supervisor.
func TestServeRefusesInputAfterTheCell(t *testing.T) {
	w := serve(t)
	w.send(t, request{ID: 1, Type: requestExecute, Execute: &engine.ExecuteRequest{Code: "askafter late?"}})
	if ev := w.next(t); ev.Type != eventExecuteReply {
		t.Fatalf("event %+v, want the execute reply", ev)
	}
	if ev := w.next(t); ev.Type != eventStream || ev.Text != errInputInterrupted.Error()+"\n" {
		t.Errorf("event %+v, want the goroutine's input error and no input request", ev)
	}
}
