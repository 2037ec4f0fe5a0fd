package jupyter_test

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/concurlab/concurlab/kernel/client"
	"github.com/concurlab/concurlab/kernel/jupyter"
)

func TestCodeRequests(t *testing.T) {
	h := start(t, jupyter.Options{})
	tests := []struct {
		msgType string
		content map[string]any
		want    map[string]any
	}{
		{"complete_request", map[string]any{"code": "fmt.Pr", "cursor_pos": 6},
			map[string]any{"status": "ok", "matches": []any{"Println", "Printf"}, "cursor_start": 5.0, "cursor_end": 6.0, "metadata": map[string]any{}}},
		{"complete_request", map[string]any{"code": "héé", "cursor_pos": 99},
			map[string]any{"status": "ok", "matches": []any{"Println", "Printf"}, "cursor_start": 2.0, "cursor_end": 3.0, "metadata": map[string]any{}}},
		{"inspect_request", map[string]any{"code": "fmt", "cursor_pos": 1, "detail_level": 0},
			map[string]any{"status": "ok", "found": true, "data": map[string]any{"text/plain": "doc of fmt"}, "metadata": map[string]any{}}},
		{"inspect_request", map[string]any{"code": "", "cursor_pos": 0},
			map[string]any{"status": "ok", "found": false, "data": map[string]any{}, "metadata": map[string]any{}}},
		{"is_complete_request", map[string]any{"code": "func f() {"}, map[string]any{"status": "incomplete", "indent": "\t"}},
		{"is_complete_request", map[string]any{"code": "x := 1 +"}, map[string]any{"status": "incomplete", "indent": ""}},
		{"is_complete_request", map[string]any{"code": "x := 1"}, map[string]any{"status": "complete"}},
		{"is_complete_request", map[string]any{"code": "}"}, map[string]any{"status": "invalid"}},
		{"comm_info_request", map[string]any{}, map[string]any{"status": "ok", "comms": map[string]any{}}},
	}
	for _, tt := range tests {
		reply, err := h.c.Request(client.Shell, tt.msgType, tt.content)
		if err != nil {
			t.Fatal(err)
		}
		if got := content(t, reply); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s %v:\n got %v\nwant %v", tt.msgType, tt.content, got, tt.want)
		}
		if want := strings.TrimSuffix(tt.msgType, "_request") + "_reply"; reply.Header.MsgType != want {
			t.Errorf("reply type %s, want %s", reply.Header.MsgType, want)
		}
	}
}

func TestCommOpenOfUnknownTargetIsClosed(t *testing.T) {
	h := start(t, jupyter.Options{})
	id := h.send(h.c, client.Shell, "comm_open", map[string]any{"comm_id": "c1", "target_name": "jupyter.widget", "data": map[string]any{}})
	msgs, err := h.c.IOPubUntilIdle(id, timeout)
	if err != nil {
		t.Fatal(err)
	}
	if got := summary(t, msgs); !reflect.DeepEqual(got, []string{"status:busy", "comm_close", "status:idle"}) {
		t.Fatalf("iopub = %q", got)
	}
	if c := content(t, msgs[1]); c["comm_id"] != "c1" {
		t.Errorf("comm_close = %v", c)
	}
	for _, msg := range []struct {
		msgType string
		content map[string]any
	}{
		{"comm_msg", map[string]any{"comm_id": "c1", "data": map[string]any{}}},
		{"comm_close", map[string]any{"comm_id": "c1", "data": map[string]any{}}},
		{"comm_msg", map[string]any{"data": map[string]any{}}}, // no comm_id: refused, logged
	} {
		id := h.send(h.c, client.Shell, msg.msgType, msg.content)
		if _, err := h.c.IOPubUntilIdle(id, timeout); err != nil {
			t.Fatalf("%s: %v", msg.msgType, err)
		}
		if reply, err := h.c.Recv(client.Shell, 100*time.Millisecond); err == nil {
			t.Errorf("%s %v got a %s on shell; comm messages have no reply", msg.msgType, msg.content, reply.Header.MsgType)
		}
	}
	if _, err := h.c.KernelInfo(); err != nil {
		t.Fatalf("comm messages left a reply on shell or broke it: %v", err)
	}
}

func TestHistory(t *testing.T) {
	h := start(t, jupyter.Options{})
	for _, code := range []string{"result 1", "print two", "result 1", "print four"} {
		h.execute(code)
	}
	h.c.ExecuteRequest(client.ExecuteRequest{Code: "print not stored"})
	tests := []struct {
		name    string
		request map[string]any
		want    []any
	}{
		{"tail", map[string]any{"hist_access_type": "tail", "n": 2, "output": false, "raw": true},
			[]any{[]any{1.0, 3.0, "result 1"}, []any{1.0, 4.0, "print four"}}},
		{"tail with output", map[string]any{"hist_access_type": "tail", "n": 2, "output": true, "raw": true},
			[]any{[]any{1.0, 3.0, []any{"result 1", "1"}}, []any{1.0, 4.0, []any{"print four", nil}}}},
		{"range", map[string]any{"hist_access_type": "range", "session": 1, "start": 2, "stop": 4, "output": false, "raw": true},
			[]any{[]any{1.0, 2.0, "print two"}, []any{1.0, 3.0, "result 1"}}},
		{"range of the current session", map[string]any{"hist_access_type": "range", "session": 0, "start": 4, "stop": 5},
			[]any{[]any{1.0, 4.0, "print four"}}},
		{"range of an earlier session", map[string]any{"hist_access_type": "range", "session": -1, "start": 1, "stop": 5},
			[]any{}},
		{"search", map[string]any{"hist_access_type": "search", "pattern": "print*"},
			[]any{[]any{1.0, 2.0, "print two"}, []any{1.0, 4.0, "print four"}}},
		{"search with n", map[string]any{"hist_access_type": "search", "pattern": "*", "n": 1},
			[]any{[]any{1.0, 4.0, "print four"}}},
		{"search unique", map[string]any{"hist_access_type": "search", "pattern": "res?lt [0-9]", "unique": true},
			[]any{[]any{1.0, 3.0, "result 1"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			reply, err := h.c.Request(client.Shell, "history_request", tt.request)
			if err != nil {
				t.Fatal(err)
			}
			c := content(t, reply)
			if c["status"] != "ok" || !reflect.DeepEqual(c["history"], tt.want) {
				t.Errorf("history_reply = %v, want history %v", c, tt.want)
			}
		})
	}
}

func TestInput(t *testing.T) {
	h := start(t, jupyter.Options{})
	id := h.send(h.c, client.Shell, "execute_request", client.ExecuteRequest{Code: "input name?", AllowStdin: true})
	request, err := h.c.Recv(client.Stdin, timeout)
	if err != nil {
		t.Fatal(err)
	}
	if c := content(t, request); request.Header.MsgType != "input_request" || c["prompt"] != "name?" || request.Parent.MsgID != id {
		t.Fatalf("got %s %v with parent %s", request.Header.MsgType, c, request.Parent.MsgID)
	}
	if err := h.c.AnswerInput(request, "gopher"); err != nil {
		t.Fatal(err)
	}
	msgs, err := h.c.IOPubUntilIdle(id, timeout)
	if err != nil {
		t.Fatal(err)
	}
	if got := summary(t, msgs); !reflect.DeepEqual(got, []string{"status:busy", "execute_input", "stream:stdout:got gopher\n", "status:idle"}) {
		t.Errorf("iopub = %q", got)
	}

	_, got := h.execute("input name?")
	if want := "stream:stderr:input failed: this front end does not accept input (allow_stdin is false)\n"; got[2] != want {
		t.Errorf("without stdin: %q", got)
	}
}

// A display that JSON cannot hold becomes a line on stderr that says so; the cell goes on.
func TestUnencodableDisplayIsReported(t *testing.T) {
	h := start(t, jupyter.Options{})
	_, got := h.execute("nan\nprint after")
	want := []string{"status:busy", "execute_input",
		"stream:stderr:the kernel could not encode its display_data: json: unsupported value: NaN\n",
		"stream:stdout:after\n", "status:idle"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("iopub = %q\nwant %q", got, want)
	}
}

// A goroutine that outlived its cell and reads input gets an error at once: it neither asks
// the front end nor disturbs the input that the running cell waits for.
func TestInputAfterTheCellEnded(t *testing.T) {
	h := start(t, jupyter.Options{})
	kept := h.send(h.c, client.Shell, "execute_request", client.ExecuteRequest{Code: "keep", AllowStdin: true})
	if _, err := h.c.IOPubUntilIdle(kept, timeout); err != nil {
		t.Fatal(err)
	}
	id := h.send(h.c, client.Shell, "execute_request", client.ExecuteRequest{Code: "input name?", AllowStdin: true})
	request, err := h.c.Recv(client.Stdin, timeout)
	if err != nil {
		t.Fatal(err)
	}
	h.eng.mu.Lock()
	late := h.eng.kept
	h.eng.mu.Unlock()
	if _, err := late.Input("late?", false); err == nil {
		t.Error("Input of a finished cell asked the front end")
	}
	if stray, err := h.c.Recv(client.Stdin, 100*time.Millisecond); err == nil {
		t.Errorf("a finished cell sent %s %v", stray.Header.MsgType, content(t, stray))
	}
	if err := h.c.AnswerInput(request, "gopher"); err != nil {
		t.Fatal(err)
	}
	msgs, err := h.c.IOPubUntilIdle(id, timeout)
	if err != nil {
		t.Fatal(err)
	}
	if got := summary(t, msgs); !slices.Contains(got, "stream:stdout:got gopher\n") {
		t.Errorf("the running cell lost its input: %q", got)
	}
}

func TestInterruptWhileWaitingForInput(t *testing.T) {
	h := start(t, jupyter.Options{})
	id := h.send(h.c, client.Shell, "execute_request", client.ExecuteRequest{Code: "input name?", AllowStdin: true})
	if _, err := h.c.Recv(client.Stdin, timeout); err != nil {
		t.Fatal(err)
	}
	if _, err := h.c.Interrupt(); err != nil {
		t.Fatal(err)
	}
	if c := content(t, h.reply(h.c, client.Shell, id)); c["ename"] != "Interrupted" {
		t.Errorf("reply = %v", c)
	}
}

func TestInterruptCancelsRunningCell(t *testing.T) {
	h := start(t, jupyter.Options{})
	id := h.send(h.c, client.Shell, "execute_request", client.ExecuteRequest{Code: "block"})
	<-h.eng.started
	// Control answers while shell is busy.
	if _, err := h.c.Request(client.Control, "kernel_info_request", struct{}{}); err != nil {
		t.Fatal(err)
	}
	reply, err := h.c.Interrupt()
	if err != nil {
		t.Fatal(err)
	}
	if c := content(t, reply); reply.Header.MsgType != "interrupt_reply" || c["status"] != "ok" {
		t.Errorf("interrupt reply %s %v", reply.Header.MsgType, c)
	}
	if c := content(t, h.reply(h.c, client.Shell, id)); c["status"] != "error" || c["ename"] != "Interrupted" {
		t.Errorf("execute_reply = %v", c)
	}
}
