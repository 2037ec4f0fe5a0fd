package main

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/concurlab/concurlab/kernel/client"
	"github.com/concurlab/concurlab/kernel/jupyter"
)

// cellTimeout bounds how long the benchmark waits for any one message of a cell.
const cellTimeout = 60 * time.Second

// startKernel starts spec's kernel and connects to it.
func startKernel(spec kernelSpec) (*client.Client, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	c, err := client.Start(ctx, spec.argv)
	if err != nil {
		return nil, fmt.Errorf("starting %s: %w", spec.name, err)
	}
	c.Timeout = cellTimeout
	return c, nil
}

// cellResult is what a cell sent back.
type cellResult struct {
	reply    *jupyter.Message
	iopub    []*jupyter.Message
	status   string // execute_reply's status: "ok", "error" or "aborted"
	errName  string // execute_reply's ename when status is "error"
	stdout   string
	result   string // execute_result's text/plain
	messages int    // stream messages
}

// run executes code and collects its reply and output.
func execute(c *client.Client, code string) (cellResult, error) {
	reply, msgs, err := c.Execute(code)
	if err != nil {
		return cellResult{}, err
	}
	return collect(reply, msgs), nil
}

// collect reads a cell's reply and iopub messages.
func collect(reply *jupyter.Message, msgs []*jupyter.Message) cellResult {
	r := cellResult{reply: reply, iopub: msgs}
	var content struct {
		Status string `json:"status"`
		EName  string `json:"ename"`
	}
	if reply != nil {
		reply.DecodeContent(&content)
	}
	r.status, r.errName = content.Status, content.EName
	var out strings.Builder
	for _, m := range msgs {
		switch m.Header.MsgType {
		case "stream":
			var s struct{ Name, Text string }
			if m.DecodeContent(&s) == nil && s.Name == "stdout" {
				out.WriteString(s.Text)
			}
			r.messages++
		case "execute_result":
			var e struct {
				Data map[string]any `json:"data"`
			}
			if m.DecodeContent(&e) == nil {
				r.result, _ = e.Data["text/plain"].(string)
			}
		}
	}
	r.stdout = out.String()
	return r
}

// mustSucceed runs code and fails unless it ran without error.
func mustSucceed(c *client.Client, code string) (cellResult, error) {
	r, err := execute(c, code)
	if err == nil && r.status != "ok" {
		err = fmt.Errorf("cell %q failed: %s %s", firstLine(code), r.status, r.errName)
	}
	return r, err
}

// firstLine returns code's first line, to name a cell in errors.
func firstLine(code string) string {
	line, _, _ := strings.Cut(code, "\n")
	return line
}

// replyTo reads shell until the reply to request id.
func replyTo(c *client.Client, id string) (*jupyter.Message, error) {
	for {
		m, err := c.Recv(client.Shell, cellTimeout)
		if err != nil {
			return nil, err
		}
		if m.Parent.MsgID == id {
			return m, nil
		}
	}
}

// waitBusy reads iopub until request id's busy status.
func waitBusy(c *client.Client, id string) error {
	for {
		m, err := c.Recv(client.IOPub, cellTimeout)
		if err != nil {
			return err
		}
		if m.Parent.MsgID == id && m.Header.MsgType == "status" && strings.Contains(string(m.Content), `"busy"`) {
			return nil
		}
	}
}

// executeRequest is a notebook's execute_request for code.
func executeRequest(code string) client.ExecuteRequest {
	return client.ExecuteRequest{Code: code, StoreHistory: true, StopOnError: true, UserExpressions: map[string]string{}}
}

// checkState runs spec's check cell and tells whether it shows the declared state.
func checkState(c *client.Client, spec kernelSpec) error {
	r, err := execute(c, spec.check)
	if err != nil {
		return err
	}
	if r.result != spec.want {
		return errors.New("state lost: " + spec.check + " is " + r.result + " " + r.errName)
	}
	return nil
}
