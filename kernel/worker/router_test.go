package worker

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/concurlab/concurlab/kernel/engine"
)

func TestRouterHoldsOutputBetweenCells(t *testing.T) {
	var r router
	r.stream("stdout", "late\n")
	r.display(engine.DisplayData{Data: map[string]any{"text/plain": "picture"}})
	r.notice("evaluator restarted\n")
	r.stream("stderr", "oops\n")

	out := &recorder{}
	r.attach(out)
	r.stream("stdout", "live\n")
	r.detach()
	want := []string{"stderr: evaluator restarted\n", "stdout: late\n", "stderr: oops\n", "stdout: live\n"}
	if !slices.Equal(out.streams, want) {
		t.Errorf("streams = %q, want %q", out.streams, want)
	}
	if len(out.displays) != 1 {
		t.Errorf("%d displays, want the held one", len(out.displays))
	}

	next := &recorder{}
	r.attach(next)
	r.detach()
	if len(next.streams) != 0 {
		t.Errorf("held output shown twice: %q", next.streams)
	}
}

func TestRouterBoundsHeldOutput(t *testing.T) {
	var r router
	line := strings.Repeat("x", 1023) + "\n"
	for range 2 * heldLimit / len(line) {
		r.stream("stdout", line)
	}
	out := &recorder{}
	r.attach(out)
	r.detach()
	if got := len(out.text("stdout")); got != heldLimit {
		t.Errorf("showed %d held bytes, want %d", got, heldLimit)
	}
	if got := out.text("stderr"); got != "[65536 bytes of output made between cells were dropped]\n" {
		t.Errorf("stderr = %q, want the dropped notice", got)
	}
}

func TestRouterInputNeedsACell(t *testing.T) {
	var r router
	if _, err := r.input("name?", false); !errors.Is(err, errNoCell) {
		t.Errorf("input with no cell: %v, want errNoCell", err)
	}
	out := &recorder{answers: []string{"Ada"}}
	r.attach(out)
	line, err := r.input("name?", false)
	r.detach()
	if line != "Ada" || err != nil {
		t.Errorf("input = %q, %v, want Ada", line, err)
	}
}
