// Package e2e tests the real concurlab binary over real sockets: what a learner's cell can do
// to the kernel (panics, fatal runtime errors, endless loops, deadlocks, floods) and what a
// client can (bad messages, shutdown, a dying parent), and that the kernel lives on.
package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/concurlab/concurlab/kernel/client"
	"github.com/concurlab/concurlab/kernel/jupyter"
)

// binary is the concurlab binary that TestMain builds.
var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "concurlab-e2e")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binary = filepath.Join(dir, "concurlab")
	build := exec.Command("go", "build", "-o", binary, "github.com/concurlab/concurlab/cmd/concurlab")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "building concurlab:", err)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// startKernel starts the binary as Jupyter would and connects a client to it.
func startKernel(t *testing.T, flags ...string) *client.Client {
	t.Helper()
	argv := append([]string{binary, "kernel", "{connection_file}"}, flags...)
	c, err := client.Start(t.Context(), argv)
	if err != nil {
		t.Fatalf("starting the kernel: %v", err)
	}
	c.Timeout = 20 * time.Second
	t.Cleanup(func() { c.Close() })
	return c
}

// cell is what one execution produced, decoded.
type cell struct {
	reply   map[string]any
	stdout  string
	stderr  string
	result  string
	errors  []map[string]any
	elapsed time.Duration
}

func (c cell) status() string { return fmt.Sprint(c.reply["status"]) }
func (c cell) ename() string  { return fmt.Sprint(c.reply["ename"]) }

// traceback returns the error's traceback as one text.
func (c cell) traceback() string {
	var lines []string
	for _, l := range c.reply["traceback"].([]any) {
		lines = append(lines, fmt.Sprint(l))
	}
	return strings.Join(lines, "\n")
}

func decodeCell(t *testing.T, reply *jupyter.Message, msgs []*jupyter.Message) cell {
	t.Helper()
	var c cell
	if err := reply.DecodeContent(&c.reply); err != nil {
		t.Fatal(err)
	}
	for _, m := range msgs {
		var content map[string]any
		if err := m.DecodeContent(&content); err != nil {
			t.Fatal(err)
		}
		switch m.Header.MsgType {
		case "stream":
			if content["name"] == "stdout" {
				c.stdout += fmt.Sprint(content["text"])
			} else {
				c.stderr += fmt.Sprint(content["text"])
			}
		case "execute_result":
			c.result = fmt.Sprint(content["data"].(map[string]any)["text/plain"])
		case "error":
			c.errors = append(c.errors, content)
		}
	}
	return c
}

// run executes code and fails the test if the kernel does not answer.
func run(t *testing.T, k *client.Client, code string) cell {
	t.Helper()
	start := time.Now()
	reply, msgs, err := k.Execute(code)
	if err != nil {
		t.Fatalf("executing %q: %v", code, err)
	}
	c := decodeCell(t, reply, msgs)
	c.elapsed = time.Since(start)
	return c
}

// mustResult runs code and checks that it succeeds with the result want.
func mustResult(t *testing.T, k *client.Client, code, want string) {
	t.Helper()
	c := run(t, k, code)
	if c.status() != "ok" || c.result != want {
		t.Fatalf("%q: status %s, result %q, reply %v; want result %q", code, c.status(), c.result, c.reply, want)
	}
}

// interruptAfter sends code, waits, interrupts it and returns the cell and how long the
// interrupt took to be answered by the execute_reply.
func interruptAfter(t *testing.T, k *client.Client, code string, wait time.Duration) (cell, time.Duration) {
	t.Helper()
	id, err := k.Send(client.Shell, "execute_request", client.ExecuteRequest{Code: code, StoreHistory: true, StopOnError: true, UserExpressions: map[string]string{}})
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(wait)
	start := time.Now()
	if _, err := k.Interrupt(); err != nil {
		t.Fatalf("interrupt_request: %v", err)
	}
	for {
		reply, err := k.Recv(client.Shell, 20*time.Second)
		if err != nil {
			t.Fatalf("no execute_reply after the interrupt: %v", err)
		}
		if reply.Parent.MsgID != id {
			continue
		}
		latency := time.Since(start)
		msgs, err := k.IOPubUntilIdle(id, 20*time.Second)
		if err != nil {
			t.Fatal(err)
		}
		return decodeCell(t, reply, msgs), latency
	}
}

func contains(t *testing.T, what, text string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(text, w) {
			t.Errorf("%s lacks %q:\n%s", what, w, text)
		}
	}
}

func mustDecode(t *testing.T, raw json.RawMessage) map[string]any {
	t.Helper()
	var v map[string]any
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatal(err)
	}
	return v
}
