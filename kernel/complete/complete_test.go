package complete_test

import (
	"maps"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/concurlab/concurlab/kernel/complete"
	"github.com/concurlab/concurlab/kernel/eval/symbols"
	"github.com/traefik/yaegi/stdlib"
)

// fakeScope is a session: declaration chunks read from testdata, imports and values.
type fakeScope struct {
	sources []string
	imports map[string]string
	values  map[string]any
}

func (s fakeScope) Sources() []string          { return s.sources }
func (s fakeScope) Imports() map[string]string { return s.imports }
func (s fakeScope) Value(name string) (reflect.Value, bool) {
	v, ok := s.values[name]
	return reflect.ValueOf(v), ok
}

// yaegiPoint is how yaegi builds the interpreted type Point of testdata/session.go.txt: an
// unnamed struct whose unexported fields get an X prefix.
type yaegiPoint = struct {
	X, Y   int
	Xlabel string
}

// server is a compiled struct type, as a session value holds one.
type server struct {
	Name    string
	Port    int
	private bool
}

func (s *server) Start() error { return nil }

func newScope(t *testing.T) fakeScope {
	t.Helper()
	src, err := os.ReadFile("testdata/session.go.txt")
	if err != nil {
		t.Fatal(err)
	}
	return fakeScope{
		sources: strings.Split(string(src), "---\n"),
		imports: map[string]string{"fmt": "fmt", "strings": "strings", "rand": "math/rand", "display": "display", "concur": "concur"},
		values: map[string]any{
			"srv": &server{Name: "api"}, "counter": 3, "sb": new(strings.Builder),
			"here": &yaegiPoint{X: 1}, "anon": struct{ Xcount, Total int }{},
		},
	}
}

func newCompleter(t *testing.T) *complete.Completer {
	t.Helper()
	tables := maps.Clone(stdlib.Symbols)
	maps.Copy(tables, symbols.Exports())
	return complete.New(tables)
}

// cursorAt returns code without its "|" marker and the marker's position in code points.
func cursorAt(t *testing.T, marked string) (string, int) {
	t.Helper()
	before, after, ok := strings.Cut(marked, "|")
	if !ok {
		t.Fatalf("no | cursor marker in %q", marked)
	}
	return before + after, len([]rune(before))
}

func TestComplete(t *testing.T) {
	tests := []struct {
		name       string
		code       string
		want       []string // all of these must be matches
		wantNot    []string // none of these
		start, end int      // in code points
	}{
		{"keyword", "fu|", []string{"func"}, []string{"for"}, 0, 2},
		{"keywords and builtins", "go func() { ret|", []string{"return"}, nil, 12, 15},
		{"fmt.Pr", "fmt.Pr|", []string{"Print", "Printf", "Println"}, []string{"Sprint", "Errorf"}, 4, 6},
		{"strings members", "strings.|", []string{"Builder", "Contains", "NewReader", "ToUpper"}, []string{"_Reader"}, 8, 8},
		{"renamed import", "rand.In|", []string{"Intn", "Int63"}, nil, 5, 7},
		{"cell import", "import \"sync\"\nsync.W|", []string{"WaitGroup"}, nil, 19, 20},
		{"package not imported yet", "bytes.NewBuf|", []string{"NewBuffer", "NewBufferString"}, nil, 6, 12},
		{"package name not imported yet", "byt|", []string{"bytes"}, nil, 0, 3},
		{"display package", "display.Pro|", []string{"Progress", "ProgressBar"}, nil, 8, 11},
		{"concur package", "concur.NewMail|", []string{"NewMailbox"}, nil, 7, 14},
		{"concur value", "tr := concur.StartTrace()\ntr.|", []string{"Stop", "SVG", "Len"}, nil, 29, 29},
		{"session func", "F|", []string{"Fib"}, []string{"Point"}, 0, 1},
		{"session type, var and const", "x := |", []string{"Point", "origin", "counter", "Workers", "abs", "fmt"}, nil, 5, 5},
		{"cell := name", "total := 1\nfor i := 0; i < 3; i++ { tot| }", []string{"total"}, nil, 36, 39},
		{"cell func", "func helper() {}\nhel|", []string{"helper"}, nil, 17, 20},
		{"fields and methods of a session type", "origin.|", []string{"X", "Y", "label", "Norm1"}, nil, 7, 7},
		{"cell literal of a session type", "q := &Point{1, 2}\nq.N|", []string{"Norm1"}, []string{"X"}, 20, 21},
		{"interpreted value of a session type", "here.|", []string{"X", "Y", "label", "Norm1"}, []string{"Xlabel"}, 5, 5},
		{"interpreted value of an unknown type", "anon.|", []string{"count", "Total"}, []string{"Xcount"}, 5, 5},
		{"compiled struct value", "srv.|", []string{"Name", "Port", "Start"}, []string{"private"}, 4, 4},
		{"compiled value methods", "sb.Wr|", []string{"WriteString", "WriteByte"}, nil, 3, 5},
		{"result of a package func", "r := strings.NewReader(\"x\")\nr.Re|", []string{"ReadByte", "ReadRune"}, nil, 30, 32},
		{"middle of a line", "fmt.Pr|intln(1)", []string{"Println"}, nil, 4, 6},
		{"after Chinese text", "s := \"并发与并行\"\nfmt.Pr|", []string{"Println"}, nil, 17, 19},
		{"after emoji", "// 🚀🧵 threads\nstrings.Rep|", []string{"Repeat", "Replace"}, nil, 22, 25},
		{"nothing after a call", "f().|", nil, []string{"func"}, 4, 4},
		{"after a string", "x := \"fo\" + fm|", []string{"fmt"}, nil, 12, 14},
		{"after a block comment", "/* go */ fm|", []string{"fmt"}, nil, 9, 11},
		{"after a raw string", "x := `a\nb`\nfm|", []string{"fmt"}, nil, 11, 13},
	}
	c := newCompleter(t)
	scope := newScope(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, cursor := cursorAt(t, tt.code)
			got := c.Complete(code, cursor, scope)
			for _, w := range tt.want {
				if !slices.Contains(got.Matches, w) {
					t.Errorf("matches %v lack %q", got.Matches, w)
				}
			}
			for _, w := range tt.wantNot {
				if slices.Contains(got.Matches, w) {
					t.Errorf("matches %v contain %q", got.Matches, w)
				}
			}
			if got.CursorStart != tt.start || got.CursorEnd != tt.end {
				t.Errorf("cursor_start, cursor_end = %d, %d; want %d, %d", got.CursorStart, got.CursorEnd, tt.start, tt.end)
			}
		})
	}
}

func TestNoCompletionInLiterals(t *testing.T) {
	tests := []string{
		"fmt.Println(\"fo|",
		"fmt.Println(\"fo| bar\")",
		"x := 'f|",
		"// fo|",
		"x := 1 // see fo|",
		"/* fo|",
		"/* fo| */",
		"x := `fo|",
		"x := `a\nfo|\n`",
	}
	c := newCompleter(t)
	scope := newScope(t)
	for _, marked := range tests {
		t.Run(marked, func(t *testing.T) {
			code, cursor := cursorAt(t, marked)
			if got := c.Complete(code, cursor, scope); len(got.Matches) != 0 {
				t.Errorf("matches %v inside a literal", got.Matches)
			}
		})
	}
}

func TestCompleteMetadata(t *testing.T) {
	tests := []struct {
		code      string
		match     string
		kind      string
		signature string
	}{
		{"fmt.Printl|", "Println", "function", "func Println(a ...any) (n int, err error)"},
		{"strings.Buil|", "Builder", "type", "type Builder struct {"},
		{"Fi|", "Fib", "function", "func Fib(n int) int"},
		{"origin.Nor|", "Norm1", "method", "Norm1() int"},
		{"sb.Gro|", "Grow", "method", "func (b *Builder) Grow(n int)"},
		{"counte|", "counter", "variable", "var counter int"},
		{"Worke|", "Workers", "constant", "const Workers = 4"},
		{"retu|", "return", "keyword", ""},
	}
	c := newCompleter(t)
	scope := newScope(t)
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			code, cursor := cursorAt(t, tt.code)
			got := c.Complete(code, cursor, scope)
			types, _ := got.Metadata["_jupyter_types_experimental"].([]any)
			for _, entry := range types {
				e := entry.(map[string]any)
				if e["text"] != tt.match {
					continue
				}
				if e["type"] != tt.kind || e["signature"] != tt.signature {
					t.Errorf("type %q signature %q, want %q %q", e["type"], e["signature"], tt.kind, tt.signature)
				}
				if e["start"] != got.CursorStart || e["end"] != got.CursorEnd {
					t.Errorf("entry spans %v-%v, reply %d-%d", e["start"], e["end"], got.CursorStart, got.CursorEnd)
				}
				return
			}
			t.Errorf("no metadata for %q in %v", tt.match, types)
		})
	}
}

func TestInspect(t *testing.T) {
	tests := []struct {
		name   string
		code   string
		detail int
		want   []string // substrings of text/plain
	}{
		{"fmt.Println", "fmt.Print|ln(1)", 0, []string{"func Println(a ...any) (n int, err error)", "Println formats using the default formats"}},
		{"strings.Builder", "var b strings.Buil|der", 0, []string{"type Builder struct", "A Builder is used to efficiently build a string"}},
		{"session func with its doc", "Fib|(10)", 0, []string{"func Fib(n int) int", "Fib returns the n-th Fibonacci number."}},
		{"cursor on punctuation", "x := 1 +| 2", 0, nil},
		{"inside a call's parentheses", "fmt.Println(\"(\", |)", 0, []string{"func Println(a ...any) (n int, err error)"}},
		{"inside nested calls", "fmt.Println(strings.ToUpper(\"a\"), |", 0, []string{"func Println(a ...any) (n int, err error)"}},
		{"session func body at detail 1", "F|ib(10)", 1, []string{"return Fib(n-1) + Fib(n-2)"}},
		{"session type", "Poi|nt{}", 0, []string{"type Point struct", "Point is a position on the grid."}},
		{"session method", "origin.Norm|1()", 0, []string{"func (p Point) Norm1() int", "Manhattan length"}},
		{"session field", "origin.lab|el", 0, []string{"field label string", "what the point is called"}},
		{"compiled method", "sb.WriteStr|ing(\"x\")", 0, []string{"func (b *Builder) WriteString(s string) (int, error)"}},
		{"package", "strin|gs.ToUpper", 0, []string{`import "strings"`, "Package strings implements simple functions"}},
		{"builtin", "app|end(xs, 1)", 0, []string{"func append(slice []Type, elems ...Type) []Type"}},
		{"method of a package type", "strings.Builder.Res|et", 0, []string{"func (b *Builder) Reset()"}},
		{"display", "display.Progr|ess(10)", 0, []string{"func Progress(total int) *ProgressBar", "Progress shows a progress bar"}},
		{"concur func", "concur.StartTra|ce()", 0, []string{"func StartTrace() *Trace", "StartTrace starts recording"}},
		{"concur method", "t := concur.StartTrace()\nt.SV|G()", 0, []string{"func (t *Trace) SVG() string", "draws the trace as a timeline"}},
		{"after Chinese text", "s := \"并发\"; fmt.Print|ln(s)", 0, []string{"func Println("}},
	}
	c := newCompleter(t)
	scope := newScope(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, cursor := cursorAt(t, tt.code)
			got := c.Inspect(code, cursor, tt.detail, scope)
			if tt.want == nil {
				if got.Found {
					t.Errorf("found %q, want nothing", got.Data["text/plain"])
				}
				return
			}
			plain, _ := got.Data["text/plain"].(string)
			markdown, _ := got.Data["text/markdown"].(string)
			if !got.Found || !strings.HasPrefix(markdown, "```go\n") {
				t.Fatalf("found=%v markdown=%q", got.Found, markdown)
			}
			for _, w := range tt.want {
				if !strings.Contains(plain, w) {
					t.Errorf("text/plain %q lacks %q", plain, w)
				}
			}
		})
	}
}

func TestIsComplete(t *testing.T) {
	tests := []struct {
		code   string
		status string
		indent string
	}{
		{"", "complete", ""},
		{"fmt.Println(1)", "complete", ""},
		{"func f() {\n\treturn\n}", "complete", ""},
		{"x := `raw\nstring`", "complete", ""},
		{"x++", "complete", ""},
		{"func f() {", "incomplete", "    "},
		{"if x {\n\tfor {", "incomplete", "        "},
		{"fmt.Println(1,", "incomplete", "    "},
		{"xs := []int{", "incomplete", "    "},
		{"x := `raw", "incomplete", ""},
		{"/* comment", "incomplete", ""},
		{"x := 1 +", "incomplete", "    "},
		{"\tok := a &&", "incomplete", "\t    "},
		{"s := strings.", "incomplete", "    "},
		{"}", "invalid", ""},
		{"fmt.Println(1]", "invalid", ""},
		{"f())", "invalid", ""},
		{"s := \"no end\nfmt.Println(s)", "invalid", ""},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			got := complete.IsComplete(tt.code)
			if got.Status != tt.status || got.Indent != tt.indent {
				t.Errorf("IsComplete(%q) = %q %q, want %q %q", tt.code, got.Status, got.Indent, tt.status, tt.indent)
			}
		})
	}
}
