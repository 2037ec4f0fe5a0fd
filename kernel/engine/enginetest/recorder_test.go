package enginetest

import (
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"

	"github.com/concurlab/concurlab/kernel/engine"
)

func TestRecorder(t *testing.T) {
	picture := engine.DisplayData{Data: map[string]any{"text/plain": "picture"}, DisplayID: "p"}
	tests := []struct {
		name        string
		answers     []string
		publish     func(t *testing.T, out engine.Output)
		wantStreams []Stream
		wantStdout  string
		wantStderr  string
		wantDisplay int
		wantClears  int
		wantPrompts []string
	}{
		{
			name:    "nothing published",
			publish: func(*testing.T, engine.Output) {},
		},
		{
			name: "each stream call is kept in order",
			publish: func(_ *testing.T, out engine.Output) {
				out.Stream("stdout", "a")
				out.Stream("stdout", "b\n")
				out.Stream("stderr", "oops\n")
				out.Stream("stdout", "c\n")
			},
			wantStreams: []Stream{{"stdout", "a"}, {"stdout", "b\n"}, {"stderr", "oops\n"}, {"stdout", "c\n"}},
			wantStdout:  "ab\nc\n",
			wantStderr:  "oops\n",
		},
		{
			name: "displays and clears",
			publish: func(_ *testing.T, out engine.Output) {
				out.Display(picture)
				out.ClearOutput(true)
				out.Display(picture)
				out.ClearOutput(false)
			},
			wantDisplay: 2,
			wantClears:  2,
		},
		{
			name:    "answers in order, then no stdin",
			answers: []string{"Ada", "42"},
			publish: func(t *testing.T, out engine.Output) {
				for _, want := range []string{"Ada", "42"} {
					if got, err := out.Input("? ", false); got != want || err != nil {
						t.Errorf("Input = %q, %v; want %q", got, err, want)
					}
				}
				if got, err := out.Input("more? ", true); got != "" || !errors.Is(err, engine.ErrNoStdin) {
					t.Errorf("Input with no answer left = %q, %v; want engine.ErrNoStdin", got, err)
				}
			},
			wantPrompts: []string{"? ", "? ", "more? "},
		},
		{
			name: "no answers means no stdin",
			publish: func(t *testing.T, out engine.Output) {
				if _, err := out.Input("name? ", false); !errors.Is(err, engine.ErrNoStdin) {
					t.Errorf("Input = %v, want engine.ErrNoStdin", err)
				}
			},
			wantPrompts: []string{"name? "},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &Recorder{Answers: tt.answers}
			tt.publish(t, r)
			if got := r.Streams(); !slices.Equal(got, tt.wantStreams) {
				t.Errorf("Streams() = %q, want %q", got, tt.wantStreams)
			}
			if got := r.Text("stdout"); got != tt.wantStdout {
				t.Errorf("Text(stdout) = %q, want %q", got, tt.wantStdout)
			}
			if got := r.Text("stderr"); got != tt.wantStderr {
				t.Errorf("Text(stderr) = %q, want %q", got, tt.wantStderr)
			}
			if got := r.Displays(); len(got) != tt.wantDisplay {
				t.Errorf("%d displays, want %d", len(got), tt.wantDisplay)
			}
			if got := r.Clears(); got != tt.wantClears {
				t.Errorf("Clears() = %d, want %d", got, tt.wantClears)
			}
			if got := r.Prompts(); !slices.Equal(got, tt.wantPrompts) {
				t.Errorf("Prompts() = %q, want %q", got, tt.wantPrompts)
			}
			if !slices.Equal(tt.answers, r.Answers) {
				t.Errorf("Answers changed to %q", r.Answers)
			}
		})
	}
}

func TestRecorderOnStreamSeesEachCall(t *testing.T) {
	r := &Recorder{}
	var seen []string
	r.OnStream = func(name, text string) {
		seen = append(seen, fmt.Sprintf("%s: %s (%d recorded)", name, text, len(r.Streams())))
	}
	r.Stream("stdout", "one")
	r.Stream("stderr", "two")
	want := []string{"stdout: one (1 recorded)", "stderr: two (2 recorded)"}
	if !slices.Equal(seen, want) {
		t.Errorf("OnStream saw %q, want %q", seen, want)
	}
}

func TestRecorderIsSafeForConcurrentUse(t *testing.T) {
	const goroutines, writes = 8, 100
	r := &Recorder{}
	var wg sync.WaitGroup
	for range goroutines {
		wg.Go(func() {
			for range writes {
				r.Stream("stdout", "x")
				r.Display(engine.DisplayData{})
				r.ClearOutput(false)
				r.Input("", false)
				r.Text("stdout")
			}
		})
	}
	wg.Wait()
	if got := len(r.Text("stdout")); got != goroutines*writes {
		t.Errorf("recorded %d bytes, want %d", got, goroutines*writes)
	}
	recorded := map[string]int{
		"streams":  len(r.Streams()),
		"displays": len(r.Displays()),
		"clears":   r.Clears(),
		"prompts":  len(r.Prompts()),
	}
	for what, n := range recorded {
		if n != goroutines*writes {
			t.Errorf("recorded %d %s, want %d", n, what, goroutines*writes)
		}
	}
}
