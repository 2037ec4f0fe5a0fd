package worker

import (
	"encoding/json"
	"io"
	"testing"
	"time"
)

func TestAwaitForgetsCallsThatTimedOut(t *testing.T) {
	newProcess := func() *process {
		return &process{enc: json.NewEncoder(io.Discard), pending: make(map[uint64]chan event), exited: make(chan struct{})}
	}
	tests := []struct {
		method string
		await  func(p *process) bool
	}{
		{callComplete.method, func(p *process) bool {
			_, ok := ask(p, callComplete, completeArgs{}).await(time.Millisecond)
			return ok
		}},
		{callExecute.method, func(p *process) bool {
			_, ok := ask(p, callExecute, engineRequest("print hi")).await(time.Millisecond)
			return ok
		}},
	}
	for _, tt := range tests {
		p := newProcess()
		if tt.await(p) {
			t.Fatalf("%s: a reply came from nowhere", tt.method)
		}
		if len(p.pending) != 0 || p.cell != 0 {
			t.Errorf("%s: after the timeout %d calls are pending and cell %d runs, want none", tt.method, len(p.pending), p.cell)
		}
	}
}
