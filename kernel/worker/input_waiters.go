package worker

import "sync"

// inputWaiters are the Input calls in the worker that wait for their input_reply, by input
// ID, so that each reply reaches the call that asked, whichever goroutine of whichever cell
// made it.
type inputWaiters struct {
	mu      sync.Mutex
	lastID  uint64
	waiting map[uint64]chan inputAnswer
}

// add registers a new Input call and returns its input ID and where its reply will arrive.
func (w *inputWaiters) add() (uint64, <-chan inputAnswer) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.waiting == nil {
		w.waiting = make(map[uint64]chan inputAnswer)
	}
	w.lastID++
	ch := make(chan inputAnswer, 1)
	w.waiting[w.lastID] = ch
	return w.lastID, ch
}

// remove forgets the Input call id, which has its reply or stopped waiting.
func (w *inputWaiters) remove(id uint64) {
	w.mu.Lock()
	defer w.mu.Unlock()
	delete(w.waiting, id)
}

// deliver hands reply to the Input call it answers; a reply that nobody waits for (its call
// was interrupted meanwhile) is dropped.
func (w *inputWaiters) deliver(reply inputAnswer) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if ch, ok := w.waiting[reply.InputID]; ok {
		delete(w.waiting, reply.InputID)
		ch <- reply
	}
}
