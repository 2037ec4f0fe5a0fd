package concur

import (
	"sync"
	"time"
)

// Queue is a bounded message queue between producers and consumers, which need not know
// each other (decoupling) nor wait for each other (asynchrony) as long as the queue is
// neither full nor empty; a burst of messages waits in the queue and is drained at the
// consumers' pace (peak shaving). Put and Get block; TryPut and TryGet do not; PutTimeout and
// GetTimeout give up. After Close, Put fails with ErrClosed and Get drains what is left, then
// fails with ErrClosed. A queue remembers its depth over time (Depths, DepthChart).
type Queue struct {
	channel
	closeOnce sync.Once
	start     time.Time

	mu     sync.Mutex
	depths []DepthPoint
}

// DepthPoint is a queue's depth at one moment.
type DepthPoint struct {
	At    time.Duration // since the queue was made
	Depth int
}

var queueCount = newCounterName("Queue")

// NewQueue returns a queue that holds up to capacity messages (at least 1).
func NewQueue(capacity int) *Queue {
	q := &Queue{start: time.Now()}
	q.channel = channel{name: queueCount(), items: make(chan any, max(capacity, 1)), closed: make(chan struct{}),
		verbs: [2]string{"put", "get"}, moved: q.changed}
	return q
}

// Close closes the queue: no more puts; gets drain what is left.
func (q *Queue) Close() {
	q.closeOnce.Do(func() { close(q.closed) })
}

// Put adds v, waiting while the queue is full. It returns ErrClosed if the queue is closed
// and ErrInterrupted when Interrupt woke it.
func (q *Queue) Put(v any) error { return q.send(v, noTimeout) }

// PutTimeout is Put that gives up after d with ErrTimeout.
func (q *Queue) PutTimeout(v any, d time.Duration) error { return q.send(v, max(d, 0)) }

// TryPut adds v if there is room and the queue is open, and reports whether it did.
func (q *Queue) TryPut(v any) bool { return q.trySend(v) }

// Get takes the oldest message, waiting while the queue is empty. It returns nil and
// ErrClosed once the queue is closed and empty, and ErrInterrupted when Interrupt woke it.
func (q *Queue) Get() (any, error) { return q.receive(noTimeout) }

// GetTimeout is Get that gives up after d with ErrTimeout.
func (q *Queue) GetTimeout(d time.Duration) (any, error) { return q.receive(max(d, 0)) }

// TryGet takes the oldest message if there is one, and reports whether it did.
func (q *Queue) TryGet() (any, bool) { return q.tryReceive() }

// changed records the queue's new depth after a put or get by the current thread.
func (q *Queue) changed(kind EventKind) {
	depth := len(q.items)
	q.mu.Lock()
	q.depths = append(q.depths, DepthPoint{At: time.Since(q.start), Depth: depth})
	q.mu.Unlock()
	if tracing() {
		th := Current()
		record(th, kind, q.name, depth)
		record(th, QueueDepth, q.name, depth)
	}
}

// Depths returns the queue's depth after every put and get so far.
func (q *Queue) Depths() []DepthPoint {
	q.mu.Lock()
	defer q.mu.Unlock()
	return append([]DepthPoint(nil), q.depths...)
}

// DepthChart draws the queue's depth over time, with its capacity as a line.
func (q *Queue) DepthChart(title string) Picture {
	return depthChart(title, q.Depths(), q.Cap())
}

// Topic is publish/subscribe fan-out: every message published reaches every subscriber's
// queue.
type Topic struct {
	mu     sync.Mutex
	subs   []*Queue
	closed bool
}

// NewTopic returns a topic with no subscribers.
func NewTopic() *Topic { return &Topic{} }

// Subscribe returns a new queue of the given capacity that receives every message
// published from now on.
func (t *Topic) Subscribe(capacity int) *Queue {
	q := NewQueue(capacity)
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.closed {
		q.Close()
	} else {
		t.subs = append(t.subs, q)
	}
	return q
}

// Publish puts v into every subscriber's queue, waiting for room in each. It returns
// ErrClosed after Close and ErrInterrupted when Interrupt woke it.
func (t *Topic) Publish(v any) error {
	t.mu.Lock()
	subs := t.subs
	closed := t.closed
	t.mu.Unlock()
	if closed {
		return ErrClosed
	}
	for _, q := range subs {
		if err := q.Put(v); err != nil {
			return err
		}
	}
	return nil
}

// Close closes the topic and every subscriber's queue.
func (t *Topic) Close() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.closed = true
	for _, q := range t.subs {
		q.Close()
	}
}

// PeakShaving runs the notes' peak-shaving experiment and returns the queue it used: a
// producer puts burst messages at once into a queue of the given capacity, and a steady
// consumer takes one every interval. The queue absorbs the burst and drains at the
// consumer's pace; its DepthChart shows how. It returns ErrInterrupted when Interrupt
// stopped it.
func PeakShaving(burst, capacity int, interval time.Duration) (*Queue, error) {
	q := NewQueue(capacity)
	producer := GoNamed("Producer", func() {
		for i := range burst {
			if q.Put(i) != nil {
				return
			}
		}
		q.Close()
	})
	consumer := GoNamed("Consumer", func() {
		for {
			if _, err := q.Get(); err != nil {
				return
			}
			if Sleep(interval) != nil {
				return
			}
		}
	})
	perr := producer.Join()
	cerr := consumer.Join()
	if perr != nil {
		return q, perr
	}
	return q, cerr
}
