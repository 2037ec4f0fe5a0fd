package worker

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/concurlab/concurlab/kernel/engine"
	"github.com/concurlab/concurlab/kernel/engine/enginetest"
)

// blockingOutput is a cell's output whose front end never answers input until released.
type blockingOutput struct {
	enginetest.Recorder
	asked, release chan struct{}
}

func newBlockingOutput() *blockingOutput {
	return &blockingOutput{asked: make(chan struct{}, 16), release: make(chan struct{})}
}

func (o *blockingOutput) Input(prompt string, password bool) (string, error) {
	o.Recorder.Input(prompt, password)
	o.asked <- struct{}{}
	<-o.release
	return "", engine.ErrNoStdin
}

func TestAnswerInputOnlyForTheRunningCell(t *testing.T) {
	tests := []struct {
		name        string
		cell, asker uint64
		prompts     []string
		reply       request
	}{
		{"the running cell", 5, 5, []string{"name?"},
			request{ID: 5, Type: requestInputReply, InputID: 9, Input: "Ada"}},
		{"a goroutine of an earlier cell", 5, 4, nil,
			request{ID: 4, Type: requestInputReply, InputID: 9, InputError: errCellOver.Error()}},
		{"no cell", 0, 4, nil,
			request{ID: 4, Type: requestInputReply, InputID: 9, InputError: errCellOver.Error()}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var sent bytes.Buffer
			var r router
			p := &process{router: &r, enc: json.NewEncoder(&sent), cell: tt.cell}
			out := &enginetest.Recorder{Answers: []string{"Ada"}}
			r.attach(out)
			defer r.detach()
			p.answerInput(event{ID: tt.asker, Type: eventInputRequest, InputID: 9, Prompt: "name?"})
			if got := out.Prompts(); !slices.Equal(got, tt.prompts) {
				t.Errorf("prompts shown %q, want %q", got, tt.prompts)
			}
			var reply request
			if err := json.Unmarshal(sent.Bytes(), &reply); err != nil || !reflect.DeepEqual(reply, tt.reply) {
				t.Errorf("sent %+v (%v), want %+v", reply, err, tt.reply)
			}
		})
	}
}

func TestRouterDetachEndsInputWait(t *testing.T) {
	var r router
	out := newBlockingOutput()
	defer close(out.release)
	r.attach(out)
	answered := make(chan error, 1)
	go func() {
		_, err := r.input("name?", false)
		answered <- err
	}()
	<-out.asked
	r.detach()
	select {
	case err := <-answered:
		if err != errCellOver {
			t.Errorf("input after detach: %v, want errCellOver", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("detach left the input waiting for its answer")
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
	out := newBlockingOutput()
	defer close(out.release)
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
