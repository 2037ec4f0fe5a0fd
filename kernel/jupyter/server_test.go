package jupyter_test

import (
	"context"
	"fmt"
	"os"
	"reflect"
	"testing"
	"time"

	"github.com/go-zeromq/zmq4"

	"github.com/concurlab/concurlab/kernel/client"
	"github.com/concurlab/concurlab/kernel/jupyter"
)

func TestKernelInfoOnShellAndControl(t *testing.T) {
	h := start(t, jupyter.Options{})
	for _, s := range []client.Socket{client.Shell, client.Control} {
		t.Run(s.String(), func(t *testing.T) {
			id := h.send(h.c, s, "kernel_info_request", struct{}{})
			reply := h.reply(h.c, s, id)
			c := content(t, reply)
			lang := c["language_info"].(map[string]any)
			if c["status"] != "ok" || c["protocol_version"] != "5.5" || c["implementation"] != "fake" ||
				lang["name"] != "go" || lang["pygments_lexer"] != "go" || lang["codemirror_mode"] != "go" {
				t.Errorf("kernel_info_reply = %v", c)
			}
			if features, ok := c["supported_features"].([]any); !ok || len(features) != 0 || c["debugger"] != false {
				t.Errorf("kernel_info_reply claims features: supported_features %v, debugger %v", c["supported_features"], c["debugger"])
			}
			if reply.Header.MsgType != "kernel_info_reply" || reply.Header.Version != "5.5" || reply.Header.Session != h.srv.Session() {
				t.Errorf("reply header = %+v", reply.Header)
			}
			msgs, err := h.c.IOPubUntilIdle(id, timeout)
			if err != nil {
				t.Fatal(err)
			}
			if got := summary(t, msgs); !reflect.DeepEqual(got, []string{"status:busy", "status:idle"}) {
				t.Errorf("iopub = %q", got)
			}
		})
	}
}

func TestExecuteOutputInOrder(t *testing.T) {
	h := start(t, jupyter.Options{})
	reply, got := h.execute("print a\neprint b\nprint c\nprint d\ndisplay pic\nshow p1 one\nupdate p1 two\nclear\nprint e\nresult 42")
	want := []string{"status:busy", "execute_input", "stream:stdout:a\n", "stream:stderr:b\n", "stream:stdout:c\nd\n",
		"display_data:pic", "display_data:one#p1", "update_display_data:two#p1", "clear_output", "stream:stdout:e\n",
		"execute_result:42", "status:idle"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("iopub =\n%q\nwant\n%q", got, want)
	}
	if reply["status"] != "ok" || reply["execution_count"] != 1.0 ||
		!reflect.DeepEqual(reply["payload"], []any{}) || !reflect.DeepEqual(reply["user_expressions"], map[string]any{}) {
		t.Errorf("reply = %v", reply)
	}
}

func TestExecuteError(t *testing.T) {
	h := start(t, jupyter.Options{})
	reply, got := h.execute("print before\nerror it broke")
	want := []string{"status:busy", "execute_input", "stream:stdout:before\n", "error:TestError:it broke", "status:idle"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("iopub = %q, want %q", got, want)
	}
	if reply["status"] != "error" || reply["ename"] != "TestError" || reply["evalue"] != "it broke" ||
		!reflect.DeepEqual(reply["traceback"], []any{"line 1: it broke"}) {
		t.Errorf("reply = %v", reply)
	}
}

func TestEnginePanicBecomesError(t *testing.T) {
	h := start(t, jupyter.Options{})
	reply, got := h.execute("panic")
	if reply["status"] != "error" || reply["traceback"] == nil {
		t.Errorf("reply = %v", reply)
	}
	if got[len(got)-2] != "error:KernelError:the fake engine panics" {
		t.Errorf("iopub = %q", got)
	}
	if reply, _ := h.execute("print still here"); reply["status"] != "ok" {
		t.Errorf("next cell: %v", reply)
	}
}

func TestExecutionCountAndSilent(t *testing.T) {
	h := start(t, jupyter.Options{})
	tests := []struct {
		req       client.ExecuteRequest
		wantCount float64
		wantIOPub []string
	}{
		{client.ExecuteRequest{Code: "print 1", StoreHistory: true}, 1, []string{"status:busy", "execute_input", "stream:stdout:1\n", "status:idle"}},
		{client.ExecuteRequest{Code: "print 2", StoreHistory: false}, 1, []string{"status:busy", "execute_input", "stream:stdout:2\n", "status:idle"}},
		{client.ExecuteRequest{Code: "print 3\nresult 3", Silent: true, StoreHistory: true}, 1, []string{"status:busy", "status:idle"}},
		{client.ExecuteRequest{Code: "result 4", StoreHistory: true}, 2, []string{"status:busy", "execute_input", "execute_result:4", "status:idle"}},
	}
	for _, tt := range tests {
		reply, msgs, err := h.c.ExecuteRequest(tt.req)
		if err != nil {
			t.Fatal(err)
		}
		if c := content(t, reply); c["execution_count"] != tt.wantCount {
			t.Errorf("%q: execution_count = %v, want %v", tt.req.Code, c["execution_count"], tt.wantCount)
		}
		if got := summary(t, msgs); !reflect.DeepEqual(got, tt.wantIOPub) {
			t.Errorf("%q: iopub = %q, want %q", tt.req.Code, got, tt.wantIOPub)
		}
	}
	if got := h.eng.executed()[2]; !got.Silent || got.StoreHistory {
		t.Errorf("silent request reached the engine as %+v", got)
	}
}

func TestUserExpressions(t *testing.T) {
	h := start(t, jupyter.Options{})
	reply, _, err := h.c.ExecuteRequest(client.ExecuteRequest{Code: "print x", UserExpressions: map[string]string{"a": "x+1"}})
	if err != nil {
		t.Fatal(err)
	}
	got := content(t, reply)["user_expressions"].(map[string]any)["a"].(map[string]any)
	if got["status"] != "ok" || got["data"].(map[string]any)["text/plain"] != "value of x+1" {
		t.Errorf("user_expressions a = %v", got)
	}
}

func TestStopOnErrorAbortsQueuedExecutes(t *testing.T) {
	h := start(t, jupyter.Options{})
	first := h.send(h.c, client.Shell, "execute_request", client.ExecuteRequest{Code: "block"})
	if code := <-h.eng.started; code != "block" {
		t.Fatalf("started %q", code)
	}
	failing := h.send(h.c, client.Shell, "execute_request", client.ExecuteRequest{Code: "error boom", StopOnError: true})
	queued := h.send(h.c, client.Shell, "execute_request", client.ExecuteRequest{Code: "print never"})
	info := h.send(h.c, client.Shell, "kernel_info_request", struct{}{})
	queued2 := h.send(h.c, client.Shell, "execute_request", client.ExecuteRequest{Code: "print never"})
	// Let the queued requests reach the server before the blocking cell ends.
	h.waitQueued(3)
	if _, err := h.c.Interrupt(); err != nil {
		t.Fatal(err)
	}
	want := []struct {
		id, status string
	}{{first, "error"}, {failing, "error"}, {queued, "aborted"}, {info, "ok"}, {queued2, "aborted"}}
	for _, w := range want {
		if got := content(t, h.reply(h.c, client.Shell, w.id))["status"]; got != w.status {
			t.Errorf("status = %v, want %s", got, w.status)
		}
	}
	for _, r := range h.eng.executed() {
		if r.Code == "print never" {
			t.Error("an aborted cell ran")
		}
	}
	if reply, _ := h.execute("print after"); reply["status"] != "ok" {
		t.Errorf("the cell after the aborted ones: %v", reply)
	}
}

// subscriber dials iopub as a foreign client does, over plain ZMTP, subscribed to topic.
func subscriber(t *testing.T, info jupyter.ConnectionInfo, topic string) zmq4.Socket {
	t.Helper()
	sub := zmq4.NewSub(context.Background(), zmq4.WithDialerRetry(5*time.Millisecond))
	t.Cleanup(func() { sub.Close() })
	if err := sub.Dial(info.Endpoint(info.IOPubPort)); err != nil {
		t.Fatal(err)
	}
	if err := sub.SetOption(zmq4.OptionSubscribe, topic); err != nil {
		t.Fatal(err)
	}
	return sub
}

// next receives the next iopub message of sub, with its topic.
func next(t *testing.T, sub zmq4.Socket, key string) (string, *jupyter.Message) {
	t.Helper()
	got := make(chan zmq4.Msg, 1)
	go func() {
		msg, _ := sub.Recv()
		got <- msg
	}()
	select {
	case msg := <-got:
		if len(msg.Frames) == 0 {
			t.Fatal("the subscriber received nothing")
		}
		m, err := jupyter.Decode(msg.Frames[1:], jupyter.NewSigner(key))
		if err != nil {
			t.Fatal(err)
		}
		return string(msg.Frames[0]), m
	case <-time.After(timeout):
		t.Fatal("no iopub message")
	}
	return "", nil
}

func TestIOPubWelcomesEachSubscription(t *testing.T) {
	h := start(t, jupyter.Options{})
	for _, topic := range []string{"", "kernel."} {
		t.Run(fmt.Sprintf("%q", topic), func(t *testing.T) {
			got, m := next(t, subscriber(t, h.info, topic), h.info.Key)
			c := content(t, m)
			if m.Header.MsgType != "iopub_welcome" || got != topic || c["subscription"] != topic || m.Parent != (jupyter.Header{}) {
				t.Errorf("first message %s with topic %q, content %v, parent %+v; want an iopub_welcome for %q", m.Header.MsgType, got, c, m.Parent, topic)
			}
			// Every subscriber whose subscription it matches sees a welcome.
			old, err := h.c.Recv(client.IOPub, timeout)
			if err != nil {
				t.Fatal(err)
			}
			if old.Header.MsgType != "iopub_welcome" || content(t, old)["subscription"] != topic {
				t.Errorf("the subscriber before got %s %v, want the welcome of %q", old.Header.MsgType, content(t, old), topic)
			}
		})
	}
}

func TestTheFirstSubscriberSeesTheKernelStart(t *testing.T) {
	info, path, err := client.NewConnection()
	if err != nil {
		t.Fatal(err)
	}
	os.Remove(path)
	srv, err := jupyter.NewServer(info, newFakeEngine(), jupyter.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Run(ctx) }()
	defer func() {
		cancel()
		<-done
	}()
	sub := subscriber(t, info, "")
	var got []string
	for range 2 {
		_, m := next(t, sub, info.Key)
		got = append(got, m.Header.MsgType+" "+string(m.Content))
	}
	want := []string{`iopub_welcome {"subscription":""}`, `status {"execution_state":"starting"}`}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("the first subscriber received %q, want %q", got, want)
	}
}
