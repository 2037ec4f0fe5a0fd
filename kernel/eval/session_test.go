package eval

import (
	"strings"
	"testing"
)

// cellCase is one cell run after setup cells, with what its reply must contain.
type cellCase struct {
	name   string
	setup  []string // cells run first, each must succeed
	code   string
	result string // exact text/plain result ("" for none)
	stdout string // substring of stdout
	stderr string // substring of stderr
	err    string // substring of the error (name, value and traceback); "" for success
}

func runCases(t *testing.T, opts Options, cases []cellCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := newHarness(t, opts)
			for _, setup := range c.setup {
				h.mustExec(setup)
			}
			checkCell(t, h.exec(c.code), c)
		})
	}
}

func checkCell(t *testing.T, r cellRun, c cellCase) {
	t.Helper()
	if got := r.errorText(); c.err == "" && got != "" {
		t.Fatalf("unexpected error:\n%s", got)
	} else if !strings.Contains(got, c.err) {
		t.Errorf("error = %q, want it to contain %q", got, c.err)
	}
	if got := r.result(); got != c.result {
		t.Errorf("result = %q, want %q", got, c.result)
	}
	if got := r.out.Text("stdout"); !strings.Contains(got, c.stdout) {
		t.Errorf("stdout = %q, want it to contain %q", got, c.stdout)
	}
	if got := r.out.Text("stderr"); !strings.Contains(got, c.stderr) {
		t.Errorf("stderr = %q, want it to contain %q", got, c.stderr)
	}
}

func TestCells(t *testing.T) {
	runCases(t, Options{}, []cellCase{
		{name: "state across cells", setup: []string{`x := 20`, `y := x + 1`}, code: `x + y`, result: "41"},
		{name: "mixed cell", code: `import "fmt"
n := 3
func square(v int) int { return v * v }
fmt.Println("square", square(n))
type pair struct{ a, b int }
p := pair{1, square(n)}
p.b`, stdout: "square 9\n", result: "9"},
		{name: "multi-value result", setup: []string{`func two() (int, string) { return 1, "a" }`}, code: `two()`, result: `1, "a"`},
		{name: "string quoted", code: `"hi there"`, result: `"hi there"`},
		{name: "a nil error shows nothing", setup: []string{`import "errors"`, `func check() error { return nil }`}, code: `check()`, result: ""},
		{name: "a nil error beside a value shows both", setup: []string{`func pair() (int, error) { return 7, nil }`}, code: `pair()`, result: "7, <nil>"},
		{name: "nil pointer with type", code: `var p *int
p`, result: "*int(nil)"},
		{name: "void call has no result", setup: []string{`func nothing() {}`}, code: `nothing()`},
		{name: "printing call has no result", code: `import "fmt"
fmt.Println("x")`, stdout: "x\n"},
		{name: "statement has no result", code: `z := 1
z++`},
		{name: "compiled String method", code: `import "time"
1500 * time.Millisecond`, result: "1.5s"},
		{name: "interpreted String method", setup: []string{`type celsius float64
func (c celsius) String() string { return "it is warm" }`}, code: `celsius(30)`, result: "it is warm"},
		{name: "interpreted pointer String method", setup: []string{`type counter struct{ n int }
func (c *counter) String() string { return "counted" }`}, code: `&counter{3}`, result: "counted"},
		{name: "interpreted HTML and String", setup: []string{`type badge struct{ label string }
func (b badge) HTML() string { return "<b>" + b.label + "</b>" }
func (b badge) String() string { return b.label }`}, code: `badge{"new"}`, result: "new"},
		{name: "error value", code: `import "errors"
errors.New("bad thing")`, result: "bad thing"},
		{name: "re-import is a no-op", setup: []string{`import "strings"`}, code: `import "strings"
strings.ToUpper("ok")`, result: `"OK"`},
		{name: "func main runs, once", setup: []string{`count := 0`, "package main\nfunc main() { count++ }", `1`}, code: `count`, result: "1"},
		{name: "a pasted program runs main after its inits", code: "package main\nimport \"fmt\"\nvar v = f()\nfunc main() { fmt.Println(\"main\", v) }\nfunc init() { fmt.Println(\"init\", v) }\nfunc f() int { return 7 }", stdout: "init 7\nmain 7\n"},
		{name: "a package other than main", code: "package lib\nfunc F() {}", err: "In[1] line 1:1: package lib is not a main package"},
		{name: "top-level func literal runs once", setup: []string{`count := 0`, `func() { count++ }()`, `1`}, code: `count`, result: "1"},
		{name: "os.Stdout and os.Stderr", code: `import ("fmt"; "os")
fmt.Fprintln(os.Stdout, "out")
os.Stderr.WriteString("err\n")
println("builtin")`, stdout: "out\nbuiltin\n", stderr: "err\n"},
		{name: "log goes to stderr", code: `import "log"
log.SetFlags(0)
log.Print("logged")`, stderr: "logged\n"},
		{name: "output of goroutines", code: `import ("fmt"; "os"; "sync")
var wg sync.WaitGroup
for i := 0; i < 3; i++ {
	wg.Add(1)
	go func() { defer wg.Done(); fmt.Fprintln(os.Stdout, "from goroutine") }()
}
wg.Wait()`, stdout: "from goroutine\nfrom goroutine\nfrom goroutine\n"},
		{name: "os.Exit ends the program with its status", code: `import ("fmt"; "os")
defer fmt.Println("not shown")
fmt.Println("shown")
os.Exit(2)
fmt.Println("not reached")`, err: "Exit: exit status 2", stdout: "shown\n"},
		{name: "os.Exit(0) is no error", code: "import \"os\"\nos.Exit(0)"},
		{name: "log.Fatal prints and exits with status 1", code: `import "log"
log.Fatal("bye")`, err: "exit status 1", stderr: "bye"},
	})
}

func TestErrors(t *testing.T) {
	runCases(t, Options{}, []cellCase{
		{name: "syntax error line and caret", code: "a := 1\nb := a +/ 2", err: "In[1] line 2:9: expected operand, found '/'\n\x1b[0;32m   2 |\x1b[0m b := a +/ 2\n     |         \x1b[0;31m^"},
		{name: "unfinished cell", code: "x := 1 +", err: "line 1:9: expected operand, found the end of the cell"},
		{name: "type error line and caret", code: "\n\nvar v int = \"s\"", err: "In[1] line 3:13: cannot use \"s\" (untyped string constant) as int value in variable declaration\n\x1b[0;32m   3 |\x1b[0m var v int = \"s\"\n     |             \x1b[0;31m^"},
		{name: "type error in a statement", code: "a := 1\n  a = \"s\"", err: "In[1] line 2:"},
		{name: "undefined name in a short declaration", setup: []string{`known := 1`}, code: "y := known + missing", err: "In[2] line 1:14: undefined: missing"},
		{name: "undefined type in a func declaration", code: "func f() T { return T{} }", err: "In[1] line 1:10: undefined: T"},
		{name: "undefined name in a var declaration", code: "\nvar v = missing + 1", err: "In[1] line 2:9: undefined: missing"},
		{name: "undefined func in the result", code: "x := 2\nundefinedFn(x)", err: "In[1] line 2:1: undefined: undefinedFn\n\x1b[0;32m   2 |\x1b[0m undefinedFn(x)\n     | \x1b[0;31m^"},
		{name: "panic in a String method hides the helper", setup: []string{"type T struct{}\nfunc (T) String() string { panic(\"in String\") }"}, code: "T{}", err: "panic: in String\n\x1b[0;31mpanic\x1b[0m: in String\n  String at In[1] line 2:28\n"},
		{name: "runtime panic with cell line", setup: []string{"func explode(n int) int {\n\treturn 10 / n\n}"}, code: "x := 0\nexplode(x)", err: "runtime error: integer divide by zero"},
		{name: "a package used before its import gets a hint", code: "rand.Intn(3)", err: "Hint: rand is a package; import it first: import \"math/rand\""},
		{name: "index out of range in Go's words", code: "xs := []int{1}\n_ = xs[5]", err: "panic: runtime error: index out of range"},
		{name: "string index out of range in Go's words", code: "s := \"go\"\n_ = s[7]", err: "panic: runtime error: index out of range"},
		{name: "slice bounds out of range in Go's words", code: "xs := []int{1}\n_ = xs[1:9]", err: "panic: runtime error: slice bounds out of range"},
		{name: "panic names the cell line", code: "a := []int{1}\n\n_ = a\npanic(\"boom\")", err: "panic: boom"},
	})
}

func TestFailedDeclarationLeavesNoTrace(t *testing.T) {
	cases := []struct{ name, decl, after, err string }{
		{"func with an undefined type", `func f() T { return T{} }`, `f()`, "undefined: f"},
		{"var with an undefined name", `var v = missing + 1`, `v`, "undefined: v"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := newHarness(t, Options{})
			h.mustExec(`n := 40`)
			if r := h.exec(c.decl); r.reply.Error == nil {
				t.Fatalf("%q did not fail", c.decl)
			}
			r := h.exec(c.after)
			if r.reply.Error == nil || r.reply.Error.Name != "CompileError" || !strings.Contains(r.errorText(), c.err) {
				t.Errorf("%q after the failed declaration: error %q, want a CompileError with %q", c.after, r.errorText(), c.err)
			}
			if got := h.mustExec(`n + 2`).result(); got != "42" {
				t.Errorf("n + 2 = %q, want 42", got)
			}
		})
	}
}

// A panic of yaegi's compiler (here on a negative array index in a composite literal) is
// the evaluator's failure, not the cell's: it is reported as such and the session goes on
// with its values.
func TestCellThatPanickedTheCompilerIsACompileError(t *testing.T) {
	h := newHarness(t, Options{})
	h.mustExec(`n := 40`)
	r := h.exec(`x := [...]int{-1: 1}`) // yaegi's compiler panics on it; Go's checker refuses it
	if r.reply.Error == nil || !strings.Contains(r.reply.Error.Value, "In[2] line 1:15: invalid argument: index -1 (constant of type int) must not be negative") {
		t.Fatalf("error %q, want Go's error at the index", r.errorText())
	}
	if got := h.mustExec(`n + 2`).result(); got != "42" {
		t.Errorf("n + 2 = %q after the refused cell, want 42", got)
	}
	if got := h.mustExec("x := [...]int{2: 1}\nlen(x)").result(); got != "3" {
		t.Errorf("the corrected cell's len(x) = %q, want 3", got)
	}
}
