package worker

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/concurlab/concurlab/kernel/engine"
	"github.com/concurlab/concurlab/kernel/engine/enginetest"
)

func TestRouterHoldsOutputBetweenCells(t *testing.T) {
	var r router
	r.stream("stdout", "late\n")
	r.display(engine.DisplayData{Data: map[string]any{"text/plain": "picture"}})
	r.notice("evaluator restarted\n")
	r.stream("stderr", "oops\n")

	out := &enginetest.Recorder{}
	r.attach(out)
	r.stream("stdout", "live\n")
	r.detach()
	want := []enginetest.Stream{
		{Name: "stderr", Text: "evaluator restarted\n"},
		{Name: "stdout", Text: "late\n"},
		{Name: "stderr", Text: "oops\n"},
		{Name: "stdout", Text: "live\n"},
	}
	if got := out.Streams(); !slices.Equal(got, want) {
		t.Errorf("streams = %q, want %q", got, want)
	}
	if got := len(out.Displays()); got != 1 {
		t.Errorf("%d displays, want the held one", got)
	}

	next := &enginetest.Recorder{}
	r.attach(next)
	r.detach()
	if got := next.Streams(); len(got) != 0 {
		t.Errorf("held output shown twice: %q", got)
	}
}

func TestRouterBoundsHeldOutput(t *testing.T) {
	var r router
	line := strings.Repeat("x", 1023) + "\n"
	for range 2 * heldLimit / len(line) {
		r.stream("stdout", line)
	}
	out := &enginetest.Recorder{}
	r.attach(out)
	r.detach()
	if got := len(out.Text("stdout")); got != heldLimit {
		t.Errorf("showed %d held bytes, want %d", got, heldLimit)
	}
	if got := out.Text("stderr"); got != "[65536 bytes of output made between cells were dropped]\n" {
		t.Errorf("stderr = %q, want the dropped notice", got)
	}
}

func TestRouterInputNeedsACell(t *testing.T) {
	var r router
	if _, err := r.input("name?", false); !errors.Is(err, errNoCell) {
		t.Errorf("input with no cell: %v, want errNoCell", err)
	}
	out := &enginetest.Recorder{Answers: []string{"Ada"}}
	r.attach(out)
	line, err := r.input("name?", false)
	r.detach()
	if line != "Ada" || err != nil {
		t.Errorf("input = %q, %v, want Ada", line, err)
	}
}
