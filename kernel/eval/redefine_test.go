package eval

import (
	"slices"
	"strings"
	"testing"
)

func TestRedefinition(t *testing.T) {
	runCases(t, Options{}, []cellCase{
		{name: "func: callers see the new version",
			setup: []string{`func greet() string { return "hello" }`, `func twice() string { return greet() + greet() }`, `func greet() string { return "bye" }`},
			code:  `twice()`, result: `"byebye"`},
		{name: "type and method redefined",
			setup: []string{`type shape struct{ w int }`, `func (s shape) area() int { return s.w }`,
				`type shape struct{ w, h int }`, `func (s shape) area() int { return s.w * s.h }`},
			code: `shape{3, 4}.area()`, result: "12"},
		{name: "var redefined takes its new value",
			setup: []string{`var limit = 10`, `func getLimit() int { return limit }`, `var limit = 99`},
			code:  `getLimit()`, result: "99"},
		{name: "const redefined",
			setup: []string{`const size = 2`, `func area() int { return size * size }`, `const size = 5`},
			code:  `area()`, result: "25"},
		{name: "values survive a redefinition",
			setup: []string{`import "concur"`, `n := 7`, `names := []string{"a", "b"}`, `counts := map[string]int{"a": 1}`,
				`mb := concur.NewMailbox(4)`, `mb.Send(42)`, `var total = 3`, `total = 30`,
				`func f() int { return 1 }`, `func f() int { return 2 }`},
			code: `import "fmt"
fmt.Sprint(n, names, counts, total, mb.Len(), f())`, result: `"7 [a b] map[a:1] 30 1 2"`},
		{name: "values of a changed struct type are reset and named",
			setup: []string{`type item struct{ a int }`, `var it = item{a: 1}`, `type rec struct{ a int }`, `r := rec{5}`},
			code:  `type item struct{ a, b int }`, stderr: "reset to their zero value"},
		{name: "funcs using statement variables survive a rebuild",
			setup: []string{`results := []int{}`, `func add(v int) { results = append(results, v) }`, `add(1)`,
				`func add(v int) { results = append(results, v*10) }`, `add(2)`},
			code: `results`, result: "[1 20]"},
		{name: "statement variable of a session struct type is carried",
			setup: []string{`type rec struct{ a int }`, `r := rec{5}`, `ptrs := []*rec{&r}`, `func other() int { return 1 }`, `func other() int { return 2 }`},
			code:  `r.a + ptrs[0].a + other()`, result: "12"},
		{name: "a statement variable replaces a func of the same name",
			setup: []string{`func worker() int { return 1 }`, `worker := 5`, `const tasks = 3`, `const tasks = 4`},
			code:  `worker + tasks`, result: "9"},
		{name: "a func that no longer compiles after a redefinition is dropped, with a notice",
			setup: []string{`type box struct{ n int }`, `func open(b box) int { return b.n }`},
			code:  `type box struct{ m string }`, stderr: "dropped, since they no longer compile"},
		{name: "redefining one type of a group keeps the others",
			setup: []string{`type (A struct{}; B struct{ X int })`, `type A struct{ Y int }`},
			code:  `A{Y: 3}.Y + B{X: 2}.X`, result: "5"},
		{name: "redefining one const of a group keeps the others",
			setup: []string{`const (P = 1; Q = 2.5)`, `const P = 3`},
			code:  `P + Q`, result: "5.5"},
		{name: "the rest of an iota group keeps its values",
			setup: []string{"const (\n\tred = iota\n\tgreen\n\tblue\n)", `const green = 10`},
			code:  `red + green + blue`, result: "12"},
		{name: "a spec of a group that no longer compiles is named at its own line",
			setup: []string{`type box struct{ n int }`, "var (\n\ta = 1\n\tb = box{n: 2}\n)"},
			code:  `type box struct{ m string }`, stderr: "var b (from In[2]): 3:"},
		{name: "a var replaces a variable made by a statement",
			setup: []string{`x := 1`, `func get() int { return x }`, `var x = 2`},
			code:  `get()`, result: "2"},
		{name: "a const replaces a variable made by a statement",
			setup: []string{`n := 1`, `func getN() int { return n }`, `const n = 5`},
			code:  `getN() + n`, result: "10"},
		{name: "a panicking initializer of a redefined var is the cell's panic",
			setup: []string{`var v = 1`},
			code:  `var v = func() int { panic("boom") }()`, err: "panic: boom"},
		{name: "a blocking initializer of a redefined var is a deadlock",
			setup: []string{`ch := make(chan int)`, `var v = 1`},
			code:  `var v = <-ch`, err: "Deadlock"},
		{name: "a value of a package with a major version in its path is carried",
			setup: []string{`import "math/rand/v2"`, `r := rand.New(rand.NewPCG(1, 2))`, `func f() int { return 1 }`, `func f() int { return 2 }`},
			code:  `r != nil && f() == 2`, result: "true"},
		{name: "a variable of a session type that is not a struct keeps its methods over a rebuild",
			setup: []string{`import "fmt"`, `type Celsius float64`, `func (c Celsius) String() string { return "warm" }`, `c := Celsius(5)`, `func f() {}`, `func f() { _ = 1 }`},
			code:  `c.String() + " " + fmt.Sprint(float64(c))`, result: `"warm 5"`},
		{name: "unchanged re-run is a no-op", setup: []string{`func same() int { return 1 }`, `n := 5`},
			code: `func same() int { return 1 }`},
	})
}

func TestResetNoticeNamesVariables(t *testing.T) {
	h := newHarness(t, Options{})
	h.mustExec(`type item struct{ a int }`)
	h.mustExec(`var it = item{a: 1}`)
	h.mustExec(`fn := func() int { return 1 }`)
	h.mustExec(`keep := 3`)
	r := h.mustExec(`type item struct{ a, b int }`)
	notice := r.out.Text("stderr")
	if !strings.Contains(notice, "it") || !strings.Contains(notice, "fn") || strings.Contains(notice, "keep") {
		t.Errorf("notice = %q, want it to name it and fn but not keep", notice)
	}
	if got := h.mustExec(`keep`).result(); got != "3" {
		t.Errorf("keep = %q after the rebuild, want 3", got)
	}
}

func TestDeclarationsReplay(t *testing.T) {
	h := newHarness(t, Options{})
	h.mustExec(`import "strings"`)
	h.mustExec(`func shout(s string) string { return strings.ToUpper(s) + "!" }`)
	h.mustExec(`func shout(s string) string { return strings.ToUpper(s) + "!!" }`)
	h.mustExec(`x := 1`)
	decls := h.s.Declarations()
	if len(decls) != 2 || !slices.Contains(decls, `import "strings"`) {
		t.Fatalf("Declarations() = %q, want the import and the latest shout", decls)
	}
	fresh := newHarness(t, Options{})
	if err := fresh.s.Replay(decls); err != nil {
		t.Fatal(err)
	}
	if got := fresh.mustExec(`shout("hi")`).result(); got != `"HI!!"` {
		t.Errorf("after replay shout = %s, want \"HI!!\"", got)
	}
	if err := fresh.s.Replay([]string{"func broken() { undefinedName() }"}); err == nil {
		t.Error("Replay of a broken declaration reported no error")
	}
}

func TestReplayAfterRedefinedType(t *testing.T) {
	h := newHarness(t, Options{})
	h.mustExec(`type T struct{ a int }`)
	h.mustExec(`func f() T { return T{a: 1} }`)
	h.mustExec(`type T struct{ a, b int }`)
	fresh := newHarness(t, Options{})
	if err := fresh.s.Replay(h.s.Declarations()); err != nil {
		t.Fatalf("Replay(%q): %v", h.s.Declarations(), err)
	}
	if got := fresh.mustExec(`f().a + T{b: 2}.b`).result(); got != "3" {
		t.Errorf("after replay f().a + T{b: 2}.b = %q, want 3", got)
	}
}

func TestReplayKeepsWhatCompiles(t *testing.T) {
	h := newHarness(t, Options{})
	err := h.s.Replay([]string{`func broken() { undefinedName() }`, `import "strings"`, `func ok() string { return strings.ToUpper("ok") }`})
	if err == nil || !strings.Contains(err.Error(), "broken") {
		t.Errorf("Replay error = %v, want it to name broken", err)
	}
	if got := h.mustExec(`ok()`).result(); got != `"OK"` {
		t.Errorf("ok() = %q, want \"OK\"", got)
	}
}
