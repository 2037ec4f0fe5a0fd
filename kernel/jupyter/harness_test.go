package jupyter_test

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/concurlab/concurlab/kernel/client"
	"github.com/concurlab/concurlab/kernel/jupyter"
)

// timeout bounds every wait in these tests, so that a failure fails fast.
const timeout = 5 * time.Second

// syncBuffer is a log destination that tests read while the server writes.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// harness is a Server on 127.0.0.1 serving a fakeEngine, with a client connected to it.
type harness struct {
	t      *testing.T
	eng    *fakeEngine
	srv    *jupyter.Server
	info   jupyter.ConnectionInfo
	c      *client.Client
	logs   *syncBuffer
	cancel context.CancelFunc
	done   chan error
}

func start(t *testing.T, opts jupyter.Options) *harness {
	t.Helper()
	info, path, err := client.NewConnection()
	if err != nil {
		t.Fatal(err)
	}
	os.Remove(path)
	return startOn(t, info, opts)
}

// startOn is start on the sockets info names.
func startOn(t *testing.T, info jupyter.ConnectionInfo, opts jupyter.Options) *harness {
	t.Helper()
	var err error
	h := &harness{t: t, eng: newFakeEngine(), info: info, logs: &syncBuffer{}, done: make(chan error, 1)}
	opts.Logger = slog.New(slog.NewTextHandler(h.logs, nil))
	h.srv, err = jupyter.NewServer(info, h.eng, opts)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	h.cancel = cancel
	go func() { h.done <- h.srv.Run(ctx) }()
	h.c = h.connect()
	t.Cleanup(func() {
		cancel()
		h.waitRun()
		if strings.Contains(h.logs.String(), info.Key) {
			t.Errorf("the key appears in the log:\n%s", h.logs)
		}
	})
	return h
}

// connect connects one more client, closed when the test ends.
func (h *harness) connect() *client.Client {
	h.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	c, err := client.Connect(ctx, h.info)
	if err != nil {
		h.t.Fatal(err)
	}
	c.Timeout = timeout
	h.t.Cleanup(func() { c.Close() })
	return c
}

// waitRun waits for Run to return.
func (h *harness) waitRun() {
	h.t.Helper()
	select {
	case err := <-h.done:
		if err != nil {
			h.t.Errorf("Run: %v", err)
		}
		h.done <- nil
	case <-time.After(timeout):
		h.t.Fatal("Run did not return")
	}
}

// content decodes a message's content into a map.
func content(t *testing.T, m *jupyter.Message) map[string]any {
	t.Helper()
	var c map[string]any
	if err := json.Unmarshal(m.Content, &c); err != nil {
		t.Fatal(err)
	}
	return c
}

// summary writes iopub messages as "type" or "type:detail", to compare with a want list.
func summary(t *testing.T, msgs []*jupyter.Message) []string {
	t.Helper()
	var out []string
	for _, m := range msgs {
		c := content(t, m)
		s := m.Header.MsgType
		switch s {
		case "status":
			s += ":" + c["execution_state"].(string)
		case "stream":
			s += ":" + c["name"].(string) + ":" + c["text"].(string)
		case "display_data", "update_display_data", "execute_result":
			s += ":" + c["data"].(map[string]any)["text/plain"].(string)
			if transient, ok := c["transient"].(map[string]any); ok && transient["display_id"] != nil {
				id := transient["display_id"]
				s += "#" + id.(string)
			}
		case "error":
			s += ":" + c["ename"].(string) + ":" + c["evalue"].(string)
		}
		out = append(out, s)
	}
	return out
}

// executeMsg sends an execute_request with the given content and returns its id.
func (h *harness) send(c *client.Client, s client.Socket, msgType string, content any) string {
	h.t.Helper()
	id, err := c.Send(s, msgType, content)
	if err != nil {
		h.t.Fatal(err)
	}
	return id
}

// frames returns the signed frames of a message of msgType with content, in c's session.
func (h *harness) frames(c *client.Client, msgType string, content any) [][]byte {
	h.t.Helper()
	m, err := jupyter.NewMessage(jupyter.NewHeader(msgType, c.Session, "test"), nil, content)
	if err != nil {
		h.t.Fatal(err)
	}
	frames, err := jupyter.Encode(m, jupyter.NewSigner(h.info.Key))
	if err != nil {
		h.t.Fatal(err)
	}
	return frames
}

// reply reads the reply to id on s.
func (h *harness) reply(c *client.Client, s client.Socket, id string) *jupyter.Message {
	h.t.Helper()
	m, err := c.Recv(s, timeout)
	if err != nil {
		h.t.Fatal(err)
	}
	if m.Parent.MsgID != id {
		h.t.Fatalf("got %s to %s, want the reply to %s", m.Header.MsgType, m.Parent.MsgID, id)
	}
	return m
}

// execute runs code with the client's defaults and returns the reply content and iopub summary.
func (h *harness) execute(code string) (map[string]any, []string) {
	h.t.Helper()
	reply, msgs, err := h.c.Execute(code)
	if err != nil {
		h.t.Fatal(err)
	}
	return content(h.t, reply), summary(h.t, msgs)
}

// waitQueued waits until n shell requests wait behind the running one.
func (h *harness) waitQueued(n int) {
	h.t.Helper()
	deadline := time.Now().Add(timeout)
	for h.srv.QueuedRequests() < n {
		if time.Now().After(deadline) {
			h.t.Fatalf("%d requests queued, want %d", h.srv.QueuedRequests(), n)
		}
		time.Sleep(time.Millisecond)
	}
}
