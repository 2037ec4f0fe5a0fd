package worker

import (
	"encoding/json"
	"io"
	"testing"
	"time"
)

func TestIdleReleaseWaitsForTheCells(t *testing.T) {
	released := make(chan time.Time, 4)
	evR, evW := io.Pipe()
	defer evR.Close()
	replies := make(chan event, 4)
	go func() {
		dec := json.NewDecoder(evR)
		for {
			var ev event
			if dec.Decode(&ev) != nil {
				return
			}
			replies <- ev
		}
	}()
	s := &server{eng: &fakeEngine{}, events: &eventWriter{w: evW}, release: func() { released <- time.Now() }}
	defer s.stopIdleRelease()
	run := func(id uint64, code string) {
		t.Helper()
		s.startCell(id, engineRequest(code))
	}
	reply := func() {
		t.Helper()
		select {
		case <-replies:
		case <-time.After(10 * time.Second):
			t.Fatal("no execute reply")
		}
	}

	run(1, "print quick")
	reply()
	run(2, "wait") // runs past the release that the first cell armed
	select {
	case <-released:
		t.Fatal("memory was released while a cell ran")
	case <-time.After(2 * releaseAfter):
	}
	interrupted := time.Now()
	s.interruptCell()
	reply()
	select {
	case at := <-released:
		if idle := at.Sub(interrupted); idle < releaseAfter {
			t.Errorf("memory was released %v after the last cell, want at least %v", idle, releaseAfter)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("memory was not released after the cells ended")
	}
}
