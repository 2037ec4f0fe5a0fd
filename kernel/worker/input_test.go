package worker

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/concurlab/concurlab/kernel/engine"
	"github.com/concurlab/concurlab/kernel/engine/enginetest"
)

func TestAnswerInputOnlyForTheRunningCell(t *testing.T) {
	tests := []struct {
		name        string
		cell, asker uint64
		prompts     []string
		answer      inputAnswer
	}{
		{"the running cell", 5, 5, []string{"name?"}, inputAnswer{InputID: 9, Input: "Ada"}},
		{"a goroutine of an earlier cell", 5, 4, nil, inputAnswer{InputID: 9, Error: engine.ErrCellOver.Error()}},
		{"no cell", 0, 4, nil, inputAnswer{InputID: 9, Error: engine.ErrCellOver.Error()}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var sent bytes.Buffer
			var gate engine.Gate
			p := &process{gate: &gate, enc: json.NewEncoder(&sent), cell: tt.cell}
			out := &enginetest.Recorder{Answers: []string{"Ada"}}
			gate.Open(out, 1)
			defer gate.Close()
			p.answerInput(tt.asker, inputEvent{InputID: 9, Prompt: "name?"})
			if got := out.Prompts(); !slices.Equal(got, tt.prompts) {
				t.Errorf("prompts shown %q, want %q", got, tt.prompts)
			}
			var req receivedRequest
			var answer inputAnswer
			if err := json.Unmarshal(sent.Bytes(), &req); err != nil || req.Method != callInputReply.method {
				t.Fatalf("sent %s (%v), want an input reply", sent.Bytes(), err)
			}
			if err := json.Unmarshal(req.Args, &answer); err != nil || answer != tt.answer {
				t.Errorf("sent %+v (%v), want %+v", answer, err, tt.answer)
			}
		})
	}
}

// Goroutines of one cell that ask at once each get the answer to their own prompt, answers
// given in the order the prompts were shown.
func TestConcurrentInputsKeepTheirAnswers(t *testing.T) {
	s := newSupervisor(t)
	out := &enginetest.Recorder{Answers: []string{"a", "b", "c"}}
	reply := s.Execute(context.Background(), engine.ExecuteRequest{Code: "inputs 3"}, out)
	if reply.Error != nil {
		t.Fatal(reply.Error)
	}
	prompts := out.Prompts()
	if len(prompts) != 3 {
		t.Fatalf("prompts %q, want three", prompts)
	}
	for i, prompt := range prompts {
		if want := fmt.Sprintf("%s got %s <nil>\n", prompt, out.Answers[i]); !strings.Contains(out.Text("stdout"), want) {
			t.Errorf("stdout %q lacks %q", out.Text("stdout"), want)
		}
	}
}

// A cell that ends while one of its goroutines waits for input returns without waiting for
// the answer, and the next cell does not show that goroutine's prompt.
func TestCellEndsWithoutWaitingForItsGoroutinesInput(t *testing.T) {
	s := newSupervisor(t)
	release := make(chan struct{})
	defer close(release)
	out := &enginetest.Recorder{OnInput: func(string) { <-release }}
	finished := make(chan engine.ExecuteReply, 1)
	go func() {
		finished <- s.Execute(context.Background(), engine.ExecuteRequest{Code: "asklater later?\nburn 200ms"}, out)
	}()
	select {
	case reply := <-finished:
		if reply.Error != nil {
			t.Fatal(reply.Error)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the cell waited for its goroutine's input")
	}
	next := mustRun(t, s, "burn 100ms")
	if got := next.Prompts(); len(got) != 0 {
		t.Errorf("the next cell showed prompts %q of an earlier cell", got)
	}
}
