//go:build linux

package pipes

import (
	"os"
	"testing"
	"time"
)

// newPipe returns the ends of a fresh pipe, closed when the test ends.
func newPipe(t *testing.T) (r, w *os.File) {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close(); w.Close() })
	return r, w
}

func TestSettledOnlyOnceAChunkIsPassedOn(t *testing.T) {
	r, w := newPipe(t)
	passing := make(chan string)
	release := make(chan struct{})
	reader := NewReader(r, func(chunk []byte) {
		passing <- string(chunk)
		<-release
	})
	if !reader.Settled() {
		t.Fatal("an empty pipe is not settled")
	}
	w.WriteString("chunk")
	if reader.Settled() {
		t.Fatal("settled with 5 unread bytes in the pipe")
	}
	done := make(chan struct{})
	go func() { reader.Run(); close(done) }()
	if got := <-passing; got != "chunk" {
		t.Errorf("passed %q, want chunk", got)
	}
	if reader.Settled() {
		t.Error("settled while the chunk is being passed on")
	}
	close(release)
	if !Settle(5*time.Second, reader) || !reader.Settled() {
		t.Error("not settled once the chunk was passed on")
	}
	w.Close()
	<-done
}

func TestSettleGivesUpAfterTheTimeout(t *testing.T) {
	r, w := newPipe(t)
	reader := NewReader(r, func([]byte) {})
	w.WriteString("never read")
	begin := time.Now()
	if Settle(30*time.Millisecond, reader) {
		t.Error("Settle says an unread pipe settled")
	}
	if waited := time.Since(begin); waited < 30*time.Millisecond || waited > 5*time.Second {
		t.Errorf("Settle returned after %v, want the 30ms timeout", waited)
	}
}

// Once Settle returns true, every write made before it has been passed on, in order.
func TestSettlePassesEverythingWrittenBefore(t *testing.T) {
	r, w := newPipe(t)
	var passed []byte // written by the reader, read once Settle says it has settled
	reader := NewReader(r, func(chunk []byte) { passed = append(passed, chunk...) })
	done := make(chan struct{})
	go func() { reader.Run(); close(done) }()
	var want []byte
	for i := range 200 {
		line := []byte{byte('a' + i%26), '\n'}
		w.Write(line)
		want = append(want, line...)
		if i%50 == 49 {
			if !Settle(5*time.Second, reader) {
				t.Fatal("not settled within 5s")
			}
			if string(passed) != string(want) {
				t.Fatalf("passed %q, want %q", passed, want)
			}
		}
	}
	w.Close()
	<-done
}
