package compiled

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/concurlab/concurlab/kernel/engine"
	"github.com/concurlab/concurlab/kernel/engine/enginetest"
)

// stmts is a cell In[cell] of statements only.
func stmts(cell int, text string) []Piece {
	return []Piece{{Kind: Statements, Text: text, Cell: cell, Line: 1, Col: 1}}
}

func TestPassFrames(t *testing.T) {
	marker := "\x1econcurlab-1234:"
	frame := func(json string) string { return marker + strconv.Itoa(len(json)) + "\n" + json }
	svg := `{"data":{"image/svg+xml":"<svg/>","text/plain":"pic"},"id":"d1","update":false}`
	tests := []struct {
		name   string
		chunks []string // the reads, in order
		want   []string // what out received: "stdout …", "display …", "clear"
	}{
		{"text only", []string{"hello\n", "world"}, []string{"stdout hello\nworld"}},
		{"a frame between texts", []string{"a\n" + frame(svg) + "b\n"}, []string{"stdout a\n", "display pic d1", "stdout b\n"}},
		{"a frame cut in three reads", func() []string {
			f := frame(svg)
			return []string{"x" + f[:5], f[5:30], f[30:] + "y"}
		}(), []string{"stdout x", "display pic d1", "stdout y"}},
		{"a clear", []string{frame(`{"clear":true,"wait":true}`)}, []string{"clear"}},
		{"a result is kept, not shown", []string{"a", frame(`{"result":{"text/plain":"42"}}`)}, []string{"stdout a"}},
		{"a marker's start that is text", []string{"\x1econ", "fusion\n"}, []string{"stdout \x1econfusion\n"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := &ordered{}
			var pending []byte
			for i, c := range tt.chunks {
				pending = passFrames(append(pending, c...), []byte(marker), &results{Output: out}, i == len(tt.chunks)-1)
			}
			got := out.events
			if strings.Join(merge(got), "|") != strings.Join(tt.want, "|") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// ordered is an engine.Output that records what it is given in order, for one goroutine.
type ordered struct{ events []string }

func (o *ordered) Stream(name, text string) { o.events = append(o.events, name+" "+text) }
func (o *ordered) Display(d engine.DisplayData) {
	o.events = append(o.events, "display "+fmt.Sprint(d.Data["text/plain"])+" "+d.DisplayID)
}
func (o *ordered) ClearOutput(bool)                   { o.events = append(o.events, "clear") }
func (o *ordered) Input(string, bool) (string, error) { return "", engine.ErrNoStdin }

// merge joins adjacent stdout texts, which may arrive in any number of calls.
func merge(outputs []string) []string {
	var out []string
	for _, o := range outputs {
		if n := len(out); n > 0 && strings.HasPrefix(o, "stdout ") && strings.HasPrefix(out[n-1], "stdout ") {
			out[n-1] += strings.TrimPrefix(o, "stdout ")
			continue
		}
		out = append(out, o)
	}
	return out
}

func TestMapPositions(t *testing.T) {
	tests := []struct{ in, want string }{
		{"\t/home/u/.cache/concurlab/compile/build/tmp-1/__cell_0.go:4 +0x65", "\tIn[7] line 4 +0x65"},
		{"__cell_3.go:12:5: undefined: y", "In[3] line 12:5: undefined: y"},
		{"      __cell_0.go:2 +0x24\n      __cell_2.go:9", "      In[7] line 2 +0x24\n      In[2] line 9"},
		{"main.go:3: no cell here", "main.go:3: no cell here"},
	}
	for _, tt := range tests {
		if got := mapPositions(tt.in, 7); got != tt.want {
			t.Errorf("mapPositions(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSplitFlags(t *testing.T) {
	tests := []struct {
		arg     string
		want    []string
		wantErr bool
	}{
		{"", nil, false},
		{"-race", []string{"-race"}, false},
		{`-gcflags="-N -l"  -tags x`, []string{"-gcflags=-N -l", "-tags", "x"}, false},
		{"-ldflags '-s -w'", []string{"-ldflags", "-s -w"}, false},
		{"-o prog", nil, true},
		{`-gcflags="-N`, nil, true},
	}
	for _, tt := range tests {
		got, err := splitFlags(tt.arg)
		if (err != nil) != tt.wantErr || strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("splitFlags(%q) = %q, %v; want %q, error %v", tt.arg, got, err, tt.want, tt.wantErr)
		}
	}
}

func TestProgram(t *testing.T) {
	earlier := []Piece{
		{Kind: Import, Text: `import "fmt"`},
		{Kind: Import, Text: `import "strings"`},
		{Kind: Import, Text: `import "concur"`},
		{Kind: Declaration, Text: "func double(x int) int { return 2 * x }", Cell: 2, Line: 1, Col: 1, Declares: []string{"double"}},
		{Kind: Declaration, Text: "func old() {}", Cell: 3, Line: 4, Col: 1, Declares: []string{"old"}},
		{Kind: Declaration, Text: "type counter struct{ n int }", Cell: 4, Line: 1, Col: 1, Declares: []string{"counter"}},
		{Kind: Declaration, Text: "func (c *counter) inc() { c.n = double(c.n) }", Cell: 4, Line: 2, Col: 1, Declares: []string{"counter.inc"}},
		{Kind: Declaration, Text: "func perCore() int { return cores }", Cell: 5, Line: 1, Col: 1, Declares: []string{"perCore"}},
	}
	tests := []struct {
		name      string
		src       Source
		trace     bool
		want      []string // in main.go
		notWant   []string
		library   bool
		shimFiles []string
	}{
		{"body with earlier declarations",
			Source{Cell: stmts(9, "fmt.Println(double(2))"), Earlier: earlier}, false,
			[]string{"\t\"fmt\"\n", "/*line __cell_2.go:1:1*/func double", "func main() {\n/*line __cell_0.go:1:1*/fmt.Println"},
			[]string{`"strings"`, "concur", "func old", "perCore"}, false, []string{"zz_interrupt.go"}},
		{"the earlier declarations used, through others; a method with its type",
			Source{Cell: stmts(9, "var c counter\nc.inc()"), Earlier: earlier}, false,
			[]string{"type counter", "func (c *counter) inc()", "func double"},
			[]string{"func old", "perCore"}, false, nil},
		{"a declaration of the cell replaces the earlier one",
			Source{Cell: append(stmts(9, "fmt.Println(double(2))"), Piece{Kind: Declaration, Text: "func double(x int) int { return x + x }", Cell: 9, Line: 2, Col: 1, Declares: []string{"double"}}), Earlier: earlier}, false,
			[]string{"/*line __cell_0.go:2:1*/func double(x int) int { return x + x }"},
			[]string{"return 2 * x"}, false, nil},
		{"concur by its short path",
			Source{Cell: stmts(9, "concur.Go(func() {})"), Earlier: earlier}, false,
			[]string{`concur "github.com/concurlab/concurlab/concur"`}, nil, true, []string{"zz_concurlab.go"}},
		{"a program as it stands, traced",
			Source{Cell: []Piece{{Kind: Package, Text: "package main", Line: 1, Col: 1}, {Kind: Import, Text: `import "display"`, Line: 2, Col: 1},
				{Kind: Declaration, Text: "func main() { display.Text(\"x\") }", Line: 3, Col: 1}}, Earlier: earlier}, true,
			[]string{`import display "github.com/concurlab/concurlab/display"`, "func main() { defer concurlab__endTrace(); display.Text"},
			[]string{"double"}, true, []string{"zz_concurlab.go"}},
		{"the last expression is the result",
			Source{Cell: []Piece{{Kind: Statements, Text: "x := 2\n  double(x) // four", Cell: 9, Line: 3, Col: 1, Result: []int{9, 18}}}, Earlier: earlier}, false,
			[]string{"\n  concurlab__result(/*line __cell_0.go:4:3*/double(x)) // four"}, nil, false, []string{"zz_frames.go"}},
		{"a cell that declares main, without a package clause",
			Source{Cell: []Piece{{Kind: Declaration, Text: "func main() { println(1) }", Cell: 9, Line: 1, Col: 1, Declares: []string{"main"}}}, Earlier: earlier}, false,
			[]string{"/*line __cell_0.go:1:1*/func main() { println(1) }\n\n"}, []string{"func main() {\n"}, false, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			prog, err := newProgram(tt.src, tt.trace, true)
			if err != nil {
				t.Fatal(err)
			}
			main := prog.files["main.go"]
			for _, w := range tt.want {
				if !strings.Contains(main, w) {
					t.Errorf("main.go lacks %q:\n%s", w, main)
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(main, w) {
					t.Errorf("main.go has %q:\n%s", w, main)
				}
			}
			if prog.library != tt.library {
				t.Errorf("library %v, want %v", prog.library, tt.library)
			}
			for _, f := range tt.shimFiles {
				if _, ok := prog.files[f]; !ok {
					t.Errorf("no %s among %d files", f, len(prog.files))
				}
			}
			if _, ok := prog.files["zz_interrupt.go"]; !ok {
				t.Error("no interrupt shim")
			}
		})
	}
}

// An unchanged program runs again without a build, under a new execution count.
func TestCacheHit(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command")
	}
	c := &Compiler{Cache: t.TempDir()}
	for i, cell := range []int{4, 5} {
		out := &enginetest.Recorder{}
		src := Source{Cell: stmts(cell, "println(\"hi\")\npanic(\"boom\")")}
		reply := c.Execute(context.Background(), Request{Cell: cell, Source: src}, out)
		if reply.Error == nil || reply.Error.Name != "panic" || reply.Error.Value != "boom" {
			t.Fatalf("run %d: %+v", i, reply.Error)
		}
		want := fmt.Sprintf("In[%d] line 2", cell)
		if stderr := out.Text("stderr"); !strings.Contains(stderr, "hi\npanic: boom") || !strings.Contains(stderr, want) {
			t.Errorf("run %d: stderr %q lacks the panic at %s", i, stderr, want)
		}
		if c.builds != 1 {
			t.Errorf("run %d: %d builds, want 1", i, c.builds)
		}
	}
}

// A piece that does not parse is the cell's error at its line, not a crash.
func TestSyntaxError(t *testing.T) {
	src := Source{Cell: []Piece{{Kind: Import, Text: "import \"fmt", Cell: 6, Line: 2, Col: 1}, {Kind: Statements, Text: "fmt.Println()", Cell: 6, Line: 3, Col: 1}}}
	reply := (&Compiler{Cache: t.TempDir()}).Execute(context.Background(), Request{Cell: 6, Source: src}, &enginetest.Recorder{})
	if reply.Error == nil || reply.Error.Name != "CompileError" || !strings.HasPrefix(reply.Error.Value, "In[6] line 2:8: ") {
		t.Fatalf("%+v", reply.Error)
	}
	if tb := strings.Join(reply.Error.Traceback, "\n"); !strings.Contains(tb, `import "fmt`) {
		t.Errorf("the traceback does not show the line:\n%s", tb)
	}
}

// The library is written once to each cache, without its tests, with a go.mod of its own.
func TestLibraryDirectory(t *testing.T) {
	lib := newLibrary(fstest.MapFS{
		"go.mod":             {Data: []byte("module " + Module + "\n\nrequire (\n\tgolang.org/x/sync v0.25.0\n)\n")},
		"go.sum":             {Data: []byte("golang.org/x/sync v0.25.0 h1:abc=\ngolang.org/x/sync v0.25.0/go.mod h1:def=\nother v1 h1:x=\n")},
		"concur/gil.go":      {Data: []byte("package concur\n")},
		"concur/gil_test.go": {Data: []byte("package concur\n")},
		"display/display.go": {Data: []byte("package display\n")},
	})
	for _, cache := range []string{t.TempDir(), t.TempDir()} {
		dir, err := lib.directory(cache)
		if err != nil {
			t.Fatal(err)
		}
		for name, want := range map[string]bool{"go.mod": true, "concur/gil.go": true, "display/display.go": true, "concur/gil_test.go": false} {
			if _, err := os.Stat(filepath.Join(dir, name)); (err == nil) != want {
				t.Errorf("%s in %s: %v, want it there: %v", name, dir, err, want)
			}
		}
	}
	prog := &program{library: true, external: []string{"golang.org/x/sync/errgroup"}}
	gomod, gosum, resolve := lib.moduleFiles(prog, "/lib")
	for _, w := range []string{"require " + Module + " v0.0.0", "require golang.org/x/sync v0.25.0", "replace " + Module + " => /lib"} {
		if !strings.Contains(gomod, w) {
			t.Errorf("go.mod lacks %q:\n%s", w, gomod)
		}
	}
	if gosum != "golang.org/x/sync v0.25.0 h1:abc=\ngolang.org/x/sync v0.25.0/go.mod h1:def=\n" || resolve {
		t.Errorf("go.sum %q, resolve %v", gosum, resolve)
	}
	if _, _, resolve := lib.moduleFiles(&program{external: []string{"example.com/m"}}, ""); !resolve {
		t.Error("a module that ConcurLab does not require is not resolved")
	}
}

// How a program ended is named from its exit and its standard error.
func TestExitFailure(t *testing.T) {
	exit2 := exec.Command("sh", "-c", "exit 2").Run()
	tests := []struct {
		name, stderr, wantName, wantValue string
	}{
		{"panic", "panic: boom\n\ngoroutine 1 [running]:\n", "panic", "boom"},
		{"fatal error", "fatal error: concurrent map writes\n", "fatal error", "concurrent map writes"},
		{"deadlock", "fatal error: all goroutines are asleep - deadlock!\n", "Deadlock", "all goroutines are asleep - deadlock!"},
		{"race", "==================\nWARNING: DATA RACE\n==================\nFound 2 data race(s)\n", "DataRace", "Found 2 data race(s)"},
		{"exit", "", "Exit", "exit status 2"},
	}
	for _, tt := range tests {
		e := exitFailure(exit2, tt.stderr)
		if e == nil || e.Name != tt.wantName || e.Value != tt.wantValue {
			t.Errorf("%s: %+v, want %s: %s", tt.name, e, tt.wantName, tt.wantValue)
		}
	}
	if e := exitFailure(nil, "panic: not really\n"); e != nil {
		t.Errorf("a program that succeeded: %+v", e)
	}
}
