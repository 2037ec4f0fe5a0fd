package client

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/concurlab/concurlab/kernel/jupyter"
)

// ErrTimeout is returned (wrapped) when an expected message does not come in time.
var ErrTimeout = errors.New("timed out")

// queue holds the messages received on one socket until they are read; it never blocks the
// goroutine that receives them.
type queue struct {
	name  string
	mu    sync.Mutex
	items []*jupyter.Message
	ready chan struct{}
}

func newQueue(name string) *queue { return &queue{name: name, ready: make(chan struct{}, 1)} }

func (q *queue) push(m *jupyter.Message) {
	q.mu.Lock()
	q.items = append(q.items, m)
	q.mu.Unlock()
	select {
	case q.ready <- struct{}{}:
	default:
	}
}

// pop returns the oldest message, waiting up to timeout, and while ctx lasts, for one.
func (q *queue) pop(ctx context.Context, timeout time.Duration) (*jupyter.Message, error) {
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	for {
		q.mu.Lock()
		if len(q.items) > 0 {
			m := q.items[0]
			q.items[0] = nil
			q.items = q.items[1:]
			q.mu.Unlock()
			return m, nil
		}
		q.mu.Unlock()
		select {
		case <-q.ready:
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-deadline.C:
			return nil, fmt.Errorf("%w: no message on %s within %v", ErrTimeout, q.name, timeout)
		}
	}
}
