package worker

import (
	"encoding/json"
	"io"
	"testing"
	"time"
)

func TestAwaitForgetsCallsThatTimedOut(t *testing.T) {
	tests := []request{{Type: requestComplete}, {Type: requestExecute}}
	for _, req := range tests {
		p := &process{enc: json.NewEncoder(io.Discard), pending: make(map[uint64]chan event), exited: make(chan struct{})}
		c := p.call(req)
		if _, ok := p.await(c, time.Millisecond); ok {
			t.Fatalf("%s: a reply came from nowhere", req.Type)
		}
		if len(p.pending) != 0 || p.cell != 0 {
			t.Errorf("%s: after the timeout %d calls are pending and cell %d runs, want none", req.Type, len(p.pending), p.cell)
		}
	}
}
