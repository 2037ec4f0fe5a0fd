package eval

import (
	"strings"
	"testing"
)

// TestGoStatementsOfDeclaredFuncs starts goroutines on funcs declared in a cell, with
// arguments: they run (go run prints "7" and "done"), and a panic in one is the index
// panic, not the interpreter's "call of nil function".
func TestGoStatementsOfDeclaredFuncs(t *testing.T) {
	h := newHarness(t, Options{})
	h.mustExec("import (\"fmt\"; \"time\")\nfunc at(xs []int, done chan<- bool) { fmt.Println(xs[3]); done <- true }")
	steps := []struct{ name, code, stdout, err string }{
		{"in range", "done := make(chan bool)\ngo at([]int{4, 5, 6, 7}, done)\n<-done\nfmt.Println(\"done\")", "7\ndone\n", ""},
		{"out of range", "done2 := make(chan bool)\ngo at([]int{1}, done2)\ntime.Sleep(200 * time.Millisecond)", "", "runtime error: index out of range"},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			r := h.exec(st.code)
			if got := r.out.Text("stdout"); got != st.stdout {
				t.Errorf("printed %q, want %q", got, st.stdout)
			}
			switch {
			case st.err == "" && r.reply.Error != nil:
				t.Errorf("failed:\n%s", r.errorText())
			case st.err != "" && !strings.Contains(r.errorText(), st.err):
				t.Errorf("error %q, want one saying %q", r.errorText(), st.err)
			}
			if strings.Contains(r.errorText(), "nil function") {
				t.Errorf("the interpreter's error reached the user: %s", r.errorText())
			}
		})
	}
}
