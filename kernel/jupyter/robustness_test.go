package jupyter_test

import (
	"bytes"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/concurlab/concurlab/kernel/client"
	"github.com/concurlab/concurlab/kernel/jupyter"
)

func TestShutdownStopsRun(t *testing.T) {
	for _, restart := range []bool{false, true} {
		t.Run(fmt.Sprint("restart=", restart), func(t *testing.T) {
			before := runtime.NumGoroutine()
			h := start(t, jupyter.Options{})
			busy := h.send(h.c, client.Shell, "execute_request", client.ExecuteRequest{Code: "block"})
			<-h.eng.started
			reply, err := h.c.Shutdown(restart)
			if err != nil {
				t.Fatal(err)
			}
			if c := content(t, reply); reply.Header.MsgType != "shutdown_reply" || c["status"] != "ok" || c["restart"] != restart {
				t.Errorf("reply %s %v", reply.Header.MsgType, c)
			}
			if c := content(t, h.reply(h.c, client.Shell, busy)); c["ename"] != "Interrupted" {
				t.Errorf("the running cell ended with %v", c)
			}
			h.waitRun()
			if !reflect.DeepEqual(h.eng.shutdowns, []bool{restart}) {
				t.Errorf("engine shutdowns = %v, want [%v]", h.eng.shutdowns, restart)
			}
			if err := h.c.Ping(200 * time.Millisecond); err == nil {
				t.Error("heartbeat still answers after shutdown")
			}
			h.c.Close()
			// zmq4 ends its connection goroutines asynchronously; allow them a moment.
			deadline := time.Now().Add(timeout)
			for runtime.NumGoroutine() > before+2 && time.Now().Before(deadline) {
				time.Sleep(10 * time.Millisecond)
			}
			if n := runtime.NumGoroutine(); n > before+2 {
				buf := make([]byte, 1<<16)
				t.Errorf("%d goroutines before, %d after:\n%s", before, n, buf[:runtime.Stack(buf, true)])
			}
		})
	}
}

func TestShutdownOnShell(t *testing.T) {
	h := start(t, jupyter.Options{})
	reply, err := h.c.Request(client.Shell, "shutdown_request", map[string]bool{"restart": false})
	if err != nil {
		t.Fatal(err)
	}
	if content(t, reply)["status"] != "ok" {
		t.Errorf("reply = %v", content(t, reply))
	}
	h.waitRun()
}

// The shutdown_reply is broadcast on iopub too, as ipykernel does, so that every front end
// learns that the kernel is going.
func TestShutdownIsBroadcast(t *testing.T) {
	h := start(t, jupyter.Options{})
	reply, err := h.c.Shutdown(true)
	if err != nil {
		t.Fatal(err)
	}
	msgs, err := h.c.IOPubUntilIdle(reply.Parent.MsgID, timeout)
	if err != nil {
		t.Fatal(err)
	}
	var types []string
	for _, m := range msgs {
		types = append(types, m.Header.MsgType)
		if m.Header.MsgType == "shutdown_reply" && content(t, m)["restart"] != true {
			t.Errorf("iopub shutdown_reply %v, want restart true", content(t, m))
		}
	}
	if !slices.Contains(types, "shutdown_reply") {
		t.Errorf("iopub carried %v, no shutdown_reply", types)
	}
	h.waitRun()
}

func TestBadMessagesAreDroppedAndTheNextAnswered(t *testing.T) {
	h := start(t, jupyter.Options{})
	good := func(msgType string, c any) [][]byte { return h.frames(h.c, msgType, c) }
	tampered := good("execute_request", client.ExecuteRequest{Code: "print hacked"})
	tampered[5] = []byte(`{"code":"print tampered","silent":false}`)
	unsigned := good("execute_request", client.ExecuteRequest{Code: "print unsigned"})
	unsigned[1] = nil
	otherKey, _ := jupyter.Encode(&jupyter.Message{Header: jupyter.NewHeader("execute_request", "x", "y"), Content: []byte(`{"code":"print other key"}`)}, jupyter.NewSigner("guess"))
	dropped := []struct {
		name   string
		socket client.Socket
		frames [][]byte
	}{
		{"tampered content", client.Shell, tampered},
		{"missing signature", client.Shell, unsigned},
		{"other key", client.Shell, otherKey},
		{"truncated", client.Shell, good("kernel_info_request", struct{}{})[:4]},
		{"no delimiter", client.Shell, [][]byte{[]byte("garbage"), {0xff, 0x00}}},
		{"single empty frame", client.Control, [][]byte{{}}},
		{"invalid JSON header", client.Shell, [][]byte{[]byte(jupyter.Delimiter), []byte("sig"), []byte("{"), []byte("{}"), []byte("{}"), []byte("{}")}},
		{"execute on stdin", client.Stdin, good("execute_request", client.ExecuteRequest{Code: "print stdin"})},
		{"unknown input_reply", client.Stdin, good("input_reply", map[string]string{"value": "x"})},
		{"unknown type", client.Shell, good("frobnicate_request", struct{}{})},
	}
	for _, d := range dropped {
		if err := h.c.SendRaw(d.socket, d.frames); err != nil {
			t.Fatalf("%s: %v", d.name, err)
		}
	}
	// Requests that are signed but wrong get an error reply.
	refused := []struct {
		name    string
		socket  client.Socket
		msgType string
		content any
		evalue  string
	}{
		{"missing code", client.Shell, "execute_request", map[string]any{"silent": false}, `execute_request has no "code"`},
		{"wrong type of field", client.Shell, "complete_request", map[string]any{"code": 1, "cursor_pos": 0}, "cannot unmarshal"},
		{"execute on control", client.Control, "execute_request", client.ExecuteRequest{Code: "print x"}, "belongs on the shell socket"},
		{"bad history type", client.Shell, "history_request", map[string]any{"hist_access_type": "all"}, "hist_access_type must be"},
	}
	for _, r := range refused {
		reply, err := h.c.Request(r.socket, r.msgType, r.content)
		if err != nil {
			t.Fatalf("%s: %v", r.name, err)
		}
		if c := content(t, reply); c["status"] != "error" || !strings.Contains(c["evalue"].(string), r.evalue) || c["traceback"] == nil {
			t.Errorf("%s: reply %v, want an error with %q", r.name, c, r.evalue)
		}
	}
	reply, err := h.c.KernelInfo()
	if err != nil {
		t.Fatalf("no answer after the bad messages: %v", err)
	}
	if content(t, reply)["status"] != "ok" {
		t.Errorf("kernel_info after bad messages: %v", content(t, reply))
	}
	if len(h.eng.executed()) != 0 {
		t.Errorf("bad messages ran cells: %+v", h.eng.executed())
	}
	logs := h.logs.String()
	for _, want := range []string{"wrong signature", "missing signature", "no <IDS|MSG> delimiter", "fewer than the five frames",
		"msg_type=frobnicate_request", "not an input_reply", "no cell waits"} {
		if !strings.Contains(logs, want) {
			t.Errorf("log lacks %q:\n%s", want, logs)
		}
	}
}

// A peer that sends more than MaxMessageBytes loses its connection; the kernel runs nothing
// of it, says so in one log line and goes on serving its other clients.
func TestPeerOverTheBoundIsDisconnected(t *testing.T) {
	const limit = 64 << 10
	cases := []struct {
		name   string
		frames func(good func(code string) [][]byte) [][]byte
	}{
		{"one frame over the bound", func(good func(string) [][]byte) [][]byte {
			return good("print " + strings.Repeat("x", limit))
		}},
		{"frames under the bound, over it together", func(good func(string) [][]byte) [][]byte {
			frames := good("print small")
			for range 3 {
				frames = append(frames, bytes.Repeat([]byte{'b'}, limit/2)) // buffers
			}
			return frames
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := start(t, jupyter.Options{MaxMessageBytes: limit})
			greedy := h.connect()
			good := func(code string) [][]byte {
				return h.frames(greedy, "execute_request", client.ExecuteRequest{Code: code})
			}
			if err := greedy.SendRaw(client.Shell, c.frames(good)); err != nil {
				t.Fatal(err)
			}
			deadline := time.Now().Add(timeout)
			for !strings.Contains(h.logs.String(), "dropped a connection") {
				if time.Now().After(deadline) {
					t.Fatalf("no log line of the dropped connection:\n%s", h.logs)
				}
				time.Sleep(time.Millisecond)
			}
			if _, err := h.c.KernelInfo(); err != nil {
				t.Fatalf("the other client is not answered: %v", err)
			}
			logs := h.logs.String()
			if n := strings.Count(logs, "dropped a connection"); n != 1 || !strings.Contains(logs, "socket=shell") || !strings.Contains(logs, fmt.Sprintf("more than the %d allowed", limit)) {
				t.Errorf("want one line naming the socket and the bound, got %d:\n%s", n, logs)
			}
			if len(h.eng.executed()) != 0 {
				t.Errorf("the message over the bound ran: %+v", h.eng.executed())
			}
		})
	}
}

func TestRepeatedBadMessagesAreLoggedRarely(t *testing.T) {
	h := start(t, jupyter.Options{})
	for range 200 {
		if err := h.c.SendRaw(client.Shell, [][]byte{[]byte("garbage")}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := h.c.KernelInfo(); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(h.logs.String(), "no <IDS|MSG> delimiter"); n < 1 || n > 10 {
		t.Errorf("200 bad messages logged %d times", n)
	}
}

func TestStreamFloodIsCut(t *testing.T) {
	const limit = 64 << 10
	h := start(t, jupyter.Options{MaxOutputBytes: limit, MaxOutputHint: "raise --max-output"})
	reply, msgs, err := h.c.Execute("flood 2000000\nprint done")
	if err != nil {
		t.Fatal(err)
	}
	if content(t, reply)["status"] != "ok" {
		t.Errorf("reply = %v", content(t, reply))
	}
	var stdout, stderr bytes.Buffer
	for _, m := range msgs {
		if m.Header.MsgType == "stream" {
			c := content(t, m)
			if c["name"] == "stdout" {
				stdout.WriteString(c["text"].(string))
			} else {
				stderr.WriteString(c["text"].(string))
			}
		}
	}
	if stdout.Len() != limit {
		t.Errorf("%d bytes of stdout published, want the limit %d", stdout.Len(), limit)
	}
	notice := stderr.String()
	if !strings.Contains(notice, "output cut") || !strings.Contains(notice, "1.8 MiB more than the limit of 64.0 KiB") ||
		!strings.Contains(notice, "raise --max-output") || strings.Count(notice, "output cut") != 1 {
		t.Errorf("notice = %q", notice)
	}
	if _, got := h.execute("print small"); got[2] != "stream:stdout:small\n" {
		t.Errorf("the next cell's output: %q", got)
	}
}

func TestTwoClientsSeeEveryIOPubMessage(t *testing.T) {
	h := start(t, jupyter.Options{})
	other := h.connect()
	_, msgs, err := h.c.Execute("print a\ndisplay b\nresult c")
	if err != nil {
		t.Fatal(err)
	}
	seen, err := other.IOPubUntilIdle(msgs[0].Parent.MsgID, timeout)
	if err != nil {
		t.Fatal(err)
	}
	if len(seen) != len(msgs) {
		t.Fatalf("second client saw %d messages, first %d", len(seen), len(msgs))
	}
	for i := range msgs {
		if seen[i].Header.MsgID != msgs[i].Header.MsgID {
			t.Errorf("message %d differs: %s vs %s", i, seen[i].Header.MsgType, msgs[i].Header.MsgType)
		}
	}
}

func TestHeartbeatWhileCellBurnsCPU(t *testing.T) {
	h := start(t, jupyter.Options{})
	id := h.send(h.c, client.Shell, "execute_request", client.ExecuteRequest{Code: "spin"})
	<-h.eng.started
	for i := range 5 {
		if err := h.c.Ping(timeout); err != nil {
			t.Fatalf("ping %d: %v", i, err)
		}
	}
	if h.eng.spins.Load() == 0 {
		t.Error("the cell was not spinning")
	}
	if _, err := h.c.Interrupt(); err != nil {
		t.Fatal(err)
	}
	h.reply(h.c, client.Shell, id)
}

func TestThousandExecutesAnsweredInOrder(t *testing.T) {
	h := start(t, jupyter.Options{})
	const n = 1000
	ids := make([]string, n)
	for i := range ids {
		ids[i] = h.send(h.c, client.Shell, "execute_request", client.ExecuteRequest{Code: fmt.Sprint("result ", i), StoreHistory: true, StopOnError: true})
	}
	for i, id := range ids {
		reply := h.reply(h.c, client.Shell, id)
		if c := content(t, reply); c["status"] != "ok" || c["execution_count"] != float64(i+1) {
			t.Fatalf("reply %d = %v", i, c)
		}
	}
	results := 0
	for results < n {
		m, err := h.c.Recv(client.IOPub, timeout)
		if err != nil {
			t.Fatalf("after %d results: %v", results, err)
		}
		if m.Header.MsgType != "execute_result" {
			continue
		}
		c := content(t, m)
		if m.Parent.MsgID != ids[results] || c["execution_count"] != float64(results+1) || c["data"].(map[string]any)["text/plain"] != fmt.Sprint(results) {
			t.Fatalf("result %d: %v with parent %s", results, c, m.Parent.MsgID)
		}
		results++
	}
}

func TestIPCTransportLeavesNoFiles(t *testing.T) {
	dir := t.TempDir()
	info := jupyter.ConnectionInfo{Transport: "ipc", IP: filepath.Join(dir, "kernel"), ShellPort: 1, IOPubPort: 2, StdinPort: 3,
		ControlPort: 4, HBPort: 5, Key: "ipc-key", SignatureScheme: "hmac-sha256"}
	h := startOn(t, info, jupyter.Options{})
	if _, got := h.execute("print over ipc"); got[2] != "stream:stdout:over ipc\n" {
		t.Errorf("iopub = %q", got)
	}
	if _, err := h.c.Shutdown(false); err != nil {
		t.Fatal(err)
	}
	h.waitRun()
	if files, _ := os.ReadDir(dir); len(files) != 0 {
		t.Errorf("files left after shutdown: %v", files)
	}
}

func TestHandlerPanicBecomesErrorReply(t *testing.T) {
	h := start(t, jupyter.Options{})
	reply, err := h.c.Request(client.Shell, "complete_request", map[string]any{"code": "panic", "cursor_pos": 0})
	if err != nil {
		t.Fatal(err)
	}
	if c := content(t, reply); c["status"] != "error" || !strings.Contains(c["evalue"].(string), "completion failed") || c["traceback"] == nil {
		t.Errorf("reply = %v", c)
	}
	if _, err := h.c.KernelInfo(); err != nil {
		t.Fatalf("no answer after a handler panic: %v", err)
	}
}

func TestGarbageConnectionIsRefused(t *testing.T) {
	h := start(t, jupyter.Options{})
	conn, err := net.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", h.info.ShellPort))
	if err != nil {
		t.Fatal(err)
	}
	conn.Write(bytes.Repeat([]byte{0xff, 0x00, 0x7f}, 1000))
	conn.Close()
	if _, err := h.c.KernelInfo(); err != nil {
		t.Fatalf("no answer after a connection that spoke no ZMTP: %v", err)
	}
}
