// Package session is the property test of one kernel session: random sequences of cells
// drawn from a corpus of valid and broken ones (testdata/cells.txt) run in one eval.Session,
// and after every cell the kernel must not have failed itself (no InternalError, no
// interpreter internals in any error text), the cell must end as its entry expects, and a
// probe cell must see every variable, func and type the valid cells defined so far, with
// its value.
//
// CI runs a fixed seed and 150 cells. A longer run, with a seed of its own:
//
//	go test ./tests/session -count=1 -v -timeout 30m -session.cells=3000 -session.seed=$RANDOM
package session

import (
	"context"
	"flag"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/concurlab/concurlab/kernel/engine"
	"github.com/concurlab/concurlab/kernel/engine/enginetest"
	"github.com/concurlab/concurlab/kernel/eval"
)

var (
	seed  = flag.Uint64("session.seed", 1, "seed of the random sequence of cells")
	cells = flag.Int("session.cells", 150, "how many cells the sequence has")
)

// cellTimeout bounds a cell whose entry sets no timeout: no cell of the corpus should take
// it, so a cell that does has hung.
const cellTimeout = 20 * time.Second

// internals are words of the interpreter's own that no error a person reads may contain.
var internals = []string{"stringT", "intT", "GOPATH", "interpreter failure", "nil type", "reflect:", ".(*node)"}

// entry is one cell of the corpus.
type entry struct {
	name    string
	expect  string // "ok", "any" or the Name of the error the cell ends with
	defines []define
	timeout time.Duration
	code    string
}

// define is what a probe must see after a valid cell: expr printed with %v is want.
type define struct {
	expr, want string
	root       string // the name expr is about: a later define of the same root replaces it
}

// TestSessionProperty runs a random sequence of corpus cells in one session, each followed
// by a probe of what the valid cells defined.
func TestSessionProperty(t *testing.T) {
	corpus := loadCorpus(t, "testdata/cells.txt")
	rng := rand.New(rand.NewPCG(*seed, *seed))
	s, err := eval.New(eval.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Shutdown(false)

	var (
		state   []define // what the probe must see, in the order it was defined
		kinds   = map[string]int{}
		history []string // the entries run so far, to reproduce a failure
		count   int      // execution count
		failed  int
	)
	fail := func(format string, args ...any) {
		t.Helper()
		failed++
		last := history[max(0, len(history)-8):]
		t.Errorf("seed %d, cell %d: %s\n  the last cells: %s", *seed, len(history), fmt.Sprintf(format, args...), strings.Join(last, " | "))
	}
	// run runs code as the next cell. A goroutine of an earlier cell that panics while the
	// cell runs ends it, as a goroutine's panic ends a Go program: the cell runs again.
	run := func(code string, timeout time.Duration) (engine.ExecuteReply, *enginetest.Recorder) {
		for {
			ctx, cancel := context.WithTimeout(context.Background(), timeout)
			count++
			out := &enginetest.Recorder{}
			reply := s.Execute(ctx, engine.ExecuteRequest{Code: code, ExecutionCount: count}, out)
			cancel()
			if !lateGoroutinePanic(reply, count) || kinds["late goroutine panic"] > *cells {
				return reply, out
			}
			kinds["late goroutine panic"]++
		}
	}

	start := time.Now()
	for step := 0; step < *cells && failed < 5; step++ {
		e := corpus[rng.IntN(len(corpus))]
		history = append(history, e.name)
		timeout := cellTimeout
		if e.timeout > 0 {
			timeout = e.timeout
		}
		reply, out := run(e.code, timeout)
		kind := "ok"
		if reply.Error != nil {
			kind = reply.Error.Name
		}
		kinds[kind]++
		if msg := kernelFault(reply, out); msg != "" {
			fail("%q: %s", e.name, msg)
		}
		if e.expect != "any" && kind != e.expect {
			fail("%q ends with %s, want %s%s", e.name, kind, e.expect, errorLine(reply))
		}
		if kind == "ok" {
			state = redefine(state, e.defines)
		}
		reply, out = run(probe(state), cellTimeout)
		if msg := kernelFault(reply, out); msg != "" {
			fail("the probe after %q: %s", e.name, msg)
		}
		if reply.Error != nil {
			fail("the probe after %q fails%s", e.name, errorLine(reply))
		} else if got, want := out.Text("stdout"), expected(state); got != want {
			fail("the probe after %q sees\n%s  want\n%s", e.name, got, want)
		}
	}
	t.Logf("seed %d: %d cells run in %v, each followed by a probe; %d names defined at the end",
		*seed, len(history), time.Since(start).Round(time.Millisecond), len(state))
	for _, k := range slices.Sorted(maps.Keys(kinds)) {
		t.Logf("  %-20s %d", k, kinds[k])
	}
}

// kernelFault returns what is wrong with a reply whatever the cell: an InternalError, or
// interpreter internals in the error or on stderr.
func kernelFault(reply engine.ExecuteReply, out *enginetest.Recorder) string {
	text := out.Text("stderr")
	if e := reply.Error; e != nil {
		if e.Name == "InternalError" {
			return "InternalError: " + e.Value
		}
		text += e.Value + "\n" + strings.Join(e.Traceback, "\n")
	}
	for _, word := range internals {
		if strings.Contains(text, word) {
			return fmt.Sprintf("the interpreter's %q shows:\n%s", word, text)
		}
	}
	return ""
}

// lateGoroutinePanic tells whether reply, of the cell with execution count cell, reports the
// panic of a goroutine that an earlier cell started.
func lateGoroutinePanic(reply engine.ExecuteReply, cell int) bool {
	if reply.Error == nil || reply.Error.Name != "panic" {
		return false
	}
	tb := strings.Join(reply.Error.Traceback, "\n")
	return strings.Contains(tb, "started by the go statement at In[") &&
		!strings.Contains(tb, fmt.Sprintf("started by the go statement at In[%d]", cell))
}

// errorLine returns ": Name: Value" of a reply's error, or "".
func errorLine(reply engine.ExecuteReply) string {
	if reply.Error == nil {
		return ""
	}
	return ": " + reply.Error.Name + ": " + reply.Error.Value
}

// redefine returns state with defs added, each replacing what state had of its root.
func redefine(state, defs []define) []define {
	for _, d := range defs {
		state = slices.DeleteFunc(state, func(old define) bool { return old.root == d.root })
	}
	return append(state, defs...)
}

// probe is the cell that prints every expression of state, one a line. It runs after every
// cell, also when state is empty, so that a goroutine panic that an earlier cell reports late
// lands on a probe.
func probe(state []define) string {
	var b strings.Builder
	b.WriteString("import \"fmt\"\n")
	for _, d := range state {
		fmt.Fprintf(&b, "fmt.Printf(\"%%s=%%v\\n\", %q, %s)\n", d.expr, d.expr)
	}
	return b.String()
}

// expected is what the probe of state prints.
func expected(state []define) string {
	var b strings.Builder
	for _, d := range state {
		fmt.Fprintf(&b, "%s=%s\n", d.expr, d.want)
	}
	return b.String()
}

// identifier finds the names in an expression.
var identifier = regexp.MustCompile(`[A-Za-z_][A-Za-z0-9_]*`)

// loadCorpus reads the corpus; its first comment says the format.
func loadCorpus(t *testing.T, path string) []entry {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var corpus []entry
	for i, chunk := range strings.Split(string(b), "\n=== ")[1:] {
		name, rest, _ := strings.Cut(chunk, "\n")
		header, code, ok := strings.Cut(rest, "\n---\n")
		if !ok {
			t.Fatalf("%s: entry %d (%q) has no --- line before its code", path, i+1, name)
		}
		e := entry{name: name, code: strings.TrimSpace(code)}
		for _, line := range strings.Split(header, "\n") {
			key, value, ok := strings.Cut(line, ": ")
			switch {
			case !ok:
				t.Fatalf("%s: entry %q: header line %q is not \"key: value\"", path, name, line)
			case key == "expect":
				e.expect = value
			case key == "timeout":
				if e.timeout, err = time.ParseDuration(value); err != nil {
					t.Fatalf("%s: entry %q: %v", path, name, err)
				}
			case key == "defines":
				e.defines = append(e.defines, parseDefine(t, name, value))
			default:
				t.Fatalf("%s: entry %q: unknown header %q (want expect, defines or timeout)", path, name, key)
			}
		}
		if e.expect == "" {
			t.Fatalf("%s: entry %q says nothing of what it expects (expect: ok, any or an error kind)", path, name)
		}
		corpus = append(corpus, e)
	}
	if len(corpus) == 0 {
		t.Fatalf("%s holds no entries", path)
	}
	return corpus
}

// parseDefine parses "EXPR=VALUE"; the root is EXPR's first name that is not a builtin.
func parseDefine(t *testing.T, name, s string) define {
	t.Helper()
	expr, want, ok := strings.Cut(s, "=")
	if !ok {
		t.Fatalf("entry %q: defines %q is not EXPR=VALUE", name, s)
	}
	d := define{expr: expr, want: want}
	for _, id := range identifier.FindAllString(expr, -1) {
		if id != "len" && id != "cap" {
			d.root = id
			break
		}
	}
	if d.root == "" {
		t.Fatalf("entry %q: defines %q names nothing", name, s)
	}
	return d
}
