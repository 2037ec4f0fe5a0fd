package engine_test

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/concurlab/concurlab/kernel/engine"
	"github.com/concurlab/concurlab/kernel/engine/enginetest"
)

func TestGateHoldsOutputBetweenCells(t *testing.T) {
	var g engine.Gate
	g.Open(&enginetest.Recorder{}, 3)
	g.Close()
	g.Stream("stdout", "late\n")
	g.Stream("stdout", "later\n")
	g.Display(engine.DisplayData{Data: map[string]any{"text/plain": "picture"}})
	g.Notice("evaluator restarted\n")
	g.Stream("stderr", "oops\n")
	g.ClearOutput(false) // nothing to clear between cells

	out := &enginetest.Recorder{}
	g.Open(out, 4)
	g.Stream("stdout", "live\n")
	g.Close()
	want := []enginetest.Stream{
		{Name: "stderr", Text: "evaluator restarted\n"},
		{Name: "stderr", Text: "── printed after In[3] finished, by goroutines still running ──\n"},
		{Name: "stdout", Text: "late\nlater\n"},
		{Name: "stderr", Text: "oops\n"},
		{Name: "stdout", Text: "live\n"},
	}
	if got := out.Streams(); !slices.Equal(got, want) {
		t.Errorf("streams = %q, want %q", got, want)
	}
	if got := len(out.Displays()); got != 1 || out.Clears() != 0 {
		t.Errorf("%d displays and %d clears, want the held display only", got, out.Clears())
	}

	next := &enginetest.Recorder{}
	g.Open(next, 5)
	g.Close()
	if got := next.Streams(); len(got) != 0 {
		t.Errorf("held output shown twice: %q", got)
	}
}

func TestGateBoundsHeldOutput(t *testing.T) {
	var g engine.Gate
	line := strings.Repeat("x", 1023) + "\n"
	for range 2 * engine.LateOutputLimit / len(line) {
		g.Stream("stdout", line)
	}
	out := &enginetest.Recorder{}
	g.Open(out, 1)
	g.Close()
	if got := len(out.Text("stdout")); got != engine.LateOutputLimit {
		t.Errorf("showed %d held bytes, want %d", got, engine.LateOutputLimit)
	}
	want := "── printed while no cell ran ──\n" +
		fmt.Sprintf("── %d more bytes of output were made and not kept ──\n", engine.LateOutputLimit)
	if got := out.Text("stderr"); got != want {
		t.Errorf("stderr = %q, want %q", got, want)
	}
}

func TestGateInputNeedsACell(t *testing.T) {
	var g engine.Gate
	if _, err := g.Input("name?", false); !errors.Is(err, engine.ErrNoCell) {
		t.Errorf("input with no cell: %v, want ErrNoCell", err)
	}
	out := &enginetest.Recorder{Answers: []string{"Ada"}}
	g.Open(out, 1)
	line, err := g.Input("name?", false)
	g.Close()
	if line != "Ada" || err != nil {
		t.Errorf("input = %q, %v, want Ada", line, err)
	}
}

func TestGateCloseEndsInputWait(t *testing.T) {
	var g engine.Gate
	asked, release := make(chan struct{}, 1), make(chan struct{})
	defer close(release)
	g.Open(&enginetest.Recorder{OnInput: func(string) { asked <- struct{}{}; <-release }}, 1)
	answered := make(chan error, 1)
	go func() {
		_, err := g.Input("name?", false)
		answered <- err
	}()
	<-asked
	g.Close()
	if err := <-answered; !errors.Is(err, engine.ErrCellOver) {
		t.Errorf("input after Close: %v, want ErrCellOver", err)
	}
}
