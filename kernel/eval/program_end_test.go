package eval

import (
	"context"
	"strings"
	"testing"
	"time"
)

// TestProgramEndsWithItsGoroutines runs pasted programs whose goroutines are still running
// when main returns or os.Exit is called: as in Go, they end with the program, and print
// nothing more, in this cell or a later one; the session keeps its declarations and values.
func TestProgramEndsWithItsGoroutines(t *testing.T) {
	ticker := "\tgo func() {\n\t\tfor i := 0; ; i++ {\n\t\t\tfmt.Println(\"tick\", i)\n\t\t\ttime.Sleep(20 * time.Millisecond)\n\t\t}\n\t}()\n\ttime.Sleep(50 * time.Millisecond)\n"
	tests := []struct{ name, end, err string }{
		{"main returns", "\tfmt.Println(\"done\")\n", ""},
		{"os.Exit", "\tfmt.Println(\"done\")\n\tos.Exit(3)\n", "exit status 3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, Options{})
			program := "package main\n\nimport (\n\t\"fmt\"\n\t\"os\"\n\t\"time\"\n)\n\nvar kept = 41\n\nfunc main() {\n\t_ = os.Args\n" + ticker + tt.end + "}\n"
			r := h.exec(program)
			if got := r.out.Text("stdout"); !strings.HasPrefix(got, "tick 0\n") || !strings.HasSuffix(got, "done\n") {
				t.Errorf("the program printed %q, want ticks and then done, last", got)
			}
			if !strings.Contains(r.errorText(), tt.err) || (tt.err == "") != (r.reply.Error == nil) {
				t.Errorf("error %q, want %q", r.errorText(), tt.err)
			}
			later := h.mustExec("time.Sleep(100 * time.Millisecond)\nkept + 1")
			if out := later.out.Text("stdout"); out != "" || later.result() != "42" {
				t.Errorf("a later cell printed %q and made %q; want nothing printed and 42", out, later.result())
			}
		})
	}
}

// TestMethodsSurviveAnInterrupt prints a value of a cell type with a String method after an
// interrupted cell: the rebuilt interpreter knows its methods again.
func TestMethodsSurviveAnInterrupt(t *testing.T) {
	h := newHarness(t, Options{})
	h.mustExec("import \"fmt\"\ntype vec struct{ X, Y int }\nfunc (v vec) String() string { return fmt.Sprintf(\"(%d,%d)\", v.X, v.Y) }\norigin := vec{3, 4}")
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	if r := h.execContext(ctx, "for {\n}"); r.reply.Error == nil || r.reply.Error.Name != "Interrupted" {
		t.Fatalf("the endless loop ended with %q", r.errorText())
	}
	if got := h.mustExec("fmt.Println(origin)").out.Text("stdout"); got != "(3,4)\n" {
		t.Errorf("printed %q after the interrupt, want (3,4)", got)
	}
}
