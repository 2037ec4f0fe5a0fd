package eval

import (
	"os"
	"strings"
	"testing"
	"time"
)

// crashCase is a cell in which a goroutine may panic, run after setup cells.
type crashCase struct {
	name   string
	setup  []string
	file   string // testdata/gocrash/<file> is the cell's code, a program that go run prints stdout for
	code   string // the cell's code when file is ""
	stdout string // exactly what the cell shows on stdout: what go run prints up to the panic
	err    []string
	within time.Duration // the cell must end sooner (0: no bound)
	// then is a cell run next: it shows thenResult, and neither it nor the crashed cell
	// shows never (what the program would print after the panic).
	then, thenResult, never string
}

// TestGoroutinePanicEndsTheCell checks that a goroutine's unrecovered panic ends the running
// cell at once, as it ends a Go program, and that the session goes on.
func TestGoroutinePanicEndsTheCell(t *testing.T) {
	const nextCell = "time.Sleep(300 * time.Millisecond)\n\"next\""
	runCrashCases(t, []crashCase{
		{name: "index out of range in a named func", file: "index.go", stdout: "starting\n",
			err: []string{"panic: runtime error: index out of range",
				"in the goroutine started by the go statement at In[1] line 22",
				"sum at In[1] line 14:12", "The panic ended In[1]"},
			within: 1500 * time.Millisecond, then: "started", thenResult: "7", never: "main goes on"},
		{name: "nil map in a worker while main waits for the group", file: "waitgroup.go", stdout: "",
			err:  []string{"panic: assignment to entry in nil map", "go statement at In[1] line 19"},
			then: `import "time"` + "\n" + nextCell, thenResult: `"next"`, never: "done"},
		{name: "main's deferred calls do not run", file: "defer.go", stdout: "before\n",
			err:  []string{"panic: worker 3 failed", "go statement at In[1] line 12", "a func literal in In[1]"},
			then: `1`, thenResult: "1", never: "after"},
		{name: "os.Exit in a goroutine ends the program with its status", file: "exit.go", stdout: "before\nexiting\n",
			err: []string{"Exit: exit status 3"}, then: `1`, thenResult: "1", never: "after"},
		{name: "a goroutine that recovers does not end the program", file: "recovered.go",
			stdout: "recovered: contained\nmain ends\n", then: `1`, thenResult: "1"},
		{name: "os.Exit(0) in a goroutine ends the cell without an error", setup: []string{`import ("fmt"; "os"; "time")`},
			code: "fmt.Println(\"a\")\ngo os.Exit(0)\ntime.Sleep(time.Second)\nfmt.Println(\"b\")", stdout: "a\n",
			// (the cell's flow, its sleep cut short, may print "b" before the interpreter
			// stops it: the line is not shown, in this cell or the next)
			within: 900 * time.Millisecond, then: `2`, thenResult: "2", never: "b"},
		{name: "an earlier cell's goroutine ends the running cell",
			setup:  []string{`import ("fmt"; "time")`, `x := 41`, `go func() { time.Sleep(200 * time.Millisecond); panic("from In[3]") }()`},
			code:   "fmt.Println(\"In[4] starts\")\ntime.Sleep(2 * time.Second)\nfmt.Println(\"In[4] goes on\")",
			stdout: "In[4] starts\n",
			err:    []string{"panic: from In[3]", "go statement at In[3] line 1 (an earlier cell's goroutine, still running while In[4] ran)", "The panic ended In[4]"},
			within: 1500 * time.Millisecond, then: `x + 1`, thenResult: "42", never: "goes on"},
		{name: "the crashed cell's other goroutines are stopped", setup: []string{`import ("fmt"; "time")`},
			code:   "go func() {\n\tfor {\n\t\ttime.Sleep(100 * time.Millisecond)\n\t\tfmt.Println(\"tick\")\n\t}\n}()\ngo panic(\"stop\")\ntime.Sleep(time.Second)",
			stdout: "", err: []string{"panic: stop", "go statement at In[2] line 7"},
			then: nextCell, thenResult: `"next"`, never: "tick"},
	})
}

func runCrashCases(t *testing.T, cases []crashCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := newHarness(t, Options{})
			for _, setup := range c.setup {
				h.mustExec(setup)
			}
			code := c.code
			if c.file != "" {
				src, err := os.ReadFile("testdata/gocrash/" + c.file)
				if err != nil {
					t.Fatal(err)
				}
				code = string(src)
			}
			start := time.Now()
			r := h.exec(code)
			if took := time.Since(start); c.within > 0 && took > c.within {
				t.Errorf("the cell took %v, want it to end at the panic, within %v", took, c.within)
			}
			checkCrash(t, r, c)
			next := h.exec(c.then)
			if got := next.errorText(); got != "" {
				t.Fatalf("the next cell failed:\n%s", got)
			}
			if got := next.result(); got != c.thenResult {
				t.Errorf("the next cell's result = %q, want %q", got, c.thenResult)
			}
			if c.never != "" && strings.Contains(next.out.Text("stdout"), c.never) {
				t.Errorf("the next cell shows %q, which the ended program printed", c.never)
			}
			if got := next.out.Text("stderr"); strings.Contains(got, "printed after") {
				t.Errorf("the next cell shows output of the ended program:\n%s", got)
			}
		})
	}
}

// checkCrash checks the crashed cell's stdout and error against c.
func checkCrash(t *testing.T, r cellRun, c crashCase) {
	t.Helper()
	if got := r.out.Text("stdout"); got != c.stdout {
		t.Errorf("stdout = %q, want %q (what go run prints)", got, c.stdout)
	}
	got := r.errorText()
	if len(c.err) == 0 && got != "" {
		t.Errorf("unexpected error:\n%s", got)
	}
	for _, want := range c.err {
		if !strings.Contains(got, want) {
			t.Errorf("error = %q, want it to contain %q", got, want)
		}
	}
	if strings.Contains(got, "contained") {
		t.Errorf("error = %q: a panic that ended the cell was not contained", got)
	}
}

// A goroutine's panic ends a cell that prints without a pause: nothing that the ended
// program printed reaches the next cell, though its flow may be in a print as it ends.
func TestEndedProgramPrintsNothingIntoTheNextCell(t *testing.T) {
	h := newHarness(t, Options{DeadlockAfter: -1})
	h.mustExec(`import ("fmt"; "time")`)
	for i := range 10 {
		r := h.exec(`go func() { time.Sleep(10 * time.Millisecond); panic("stop") }()
for { fmt.Println("flood") }`)
		if r.reply.Error == nil || r.reply.Error.Name != "panic" {
			t.Fatalf("run %d: reply error = %+v, want the goroutine's panic", i, r.reply.Error)
		}
		if got := h.mustExec(`fmt.Println("next")`).out.Text("stdout"); got != "next\n" {
			t.Fatalf("run %d: the next cell printed %q, want only \"next\\n\"", i, got)
		}
	}
}
