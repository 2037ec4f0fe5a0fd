package eval

import (
	"testing"
	"time"
)

// TestExitShowsNothingAfterIt checks that os.Exit ends a cell's program as it ends a Go
// program: its deferred calls and goroutines print nothing afterwards, and the next cell
// runs in a session that kept its values.
func TestExitShowsNothingAfterIt(t *testing.T) {
	h := newHarness(t, Options{})
	h.mustExec(`import ("fmt"; "os"; "time")`)
	h.mustExec(`kept := 42`)
	r := h.exec(`go func() { time.Sleep(20 * time.Millisecond); fmt.Println("goroutine") }()
defer fmt.Println("deferred")
fmt.Println("before")
os.Exit(3)`)
	if got := r.out.Text("stdout"); got != "before\n" {
		t.Errorf("stdout = %q, want only %q", got, "before\n")
	}
	if r.reply.Error == nil || r.reply.Error.Value != "exit status 3" {
		t.Errorf("error = %q, want exit status 3", r.errorText())
	}
	time.Sleep(50 * time.Millisecond)
	next := h.mustExec(`kept`)
	if got := next.result(); got != "42" {
		t.Errorf("kept = %q after the exit, want 42", got)
	}
	if got := next.out.Text("stdout"); got != "" {
		t.Errorf("the next cell shows %q, printed after the exit", got)
	}
}

// TestCellDefers checks the calls deferred at a cell's top level: they run once, when the
// cell's statements end (also by a panic), last first, with the arguments they had at the
// defer statement.
func TestCellDefers(t *testing.T) {
	runCases(t, Options{}, []cellCase{
		{name: "arguments are evaluated at the defer statement", setup: []string{`import "fmt"`},
			code: "x := 1\ndefer fmt.Println(\"x was\", x)\nx = 2\nfmt.Println(\"x is\", x)", stdout: "x is 2\nx was 1\n"},
		{name: "last deferred runs first", setup: []string{`import "fmt"`},
			code: "for i := 0; i < 3; i++ {\n\tfmt.Print(i)\n}\ndefer fmt.Println(\"a\")\ndefer fmt.Println(\"b\")", stdout: "012b\na\n"},
		{name: "a built-in and a variadic call", setup: []string{`import "fmt"`},
			code: "ch := make(chan int, 1)\ndefer close(ch)\nxs := []any{1, 2}\ndefer fmt.Println(xs...)\nxs = nil", stdout: "1 2\n"},
		{name: "they run when the cell panics", setup: []string{`import "fmt"`},
			code: "defer fmt.Println(\"deferred\")\npanic(\"boom\")", stdout: "deferred\n", err: "panic: boom"},
		{name: "those of loops and blocks run when the cell ends", setup: []string{`import "fmt"`},
			code:   "for i := 0; i < 3; i++ {\n\tdefer fmt.Print(i, \" \")\n}\nif true {\n\tdefer fmt.Print(\"block \")\n}\nfmt.Print(\"end \")",
			stdout: "end block 2 1 0 "},
		{name: "a deferred closure in a loop keeps its iteration's variable", setup: []string{`import "fmt"`},
			code: "for i := range 3 {\n\tdefer func() { fmt.Print(i) }()\n}\nfmt.Print(\"go \")", stdout: "go 210"},
		{name: "a method value binds its receiver", setup: []string{`import "sync"`, `var mu sync.Mutex`},
			code: "mu.Lock()\ndefer mu.Unlock()\nmu.TryLock()", result: "false"},
	})
}

// TestCellDefersRunOnce checks that a later cell does not run an earlier cell's deferred calls.
func TestCellDefersRunOnce(t *testing.T) {
	h := newHarness(t, Options{})
	h.mustExec(`import "fmt"`)
	h.mustExec(`defer fmt.Println("once")`)
	if got := h.mustExec(`1`).out.Text("stdout"); got != "" {
		t.Errorf("the next cell printed %q", got)
	}
}

// TestNamedTypesPrint checks that values of the cell's named types that are not structs,
// which the interpreter keeps as their underlying type, print with their methods and names.
func TestNamedTypesPrint(t *testing.T) {
	runCases(t, Options{}, []cellCase{
		{name: "%v and %T of a named float with a String method",
			setup: []string{`import "fmt"`, "type Celsius float64\nfunc (c Celsius) String() string { return fmt.Sprintf(\"%.1f°C\", float64(c)) }"},
			code:  "c := Celsius(21.5)\nfmt.Printf(\"%v %.2f %T\\n\", c, c, c)\nfmt.Println(c, -c)", stdout: "21.5°C 21.50 main.Celsius\n21.5°C -21.5°C\n"},
		{name: "a named int in Sprint and a deferred Println", setup: []string{`import "fmt"`, `type level int`},
			code: "l := level(3)\ndefer fmt.Println(\"deferred\", l)\nfmt.Sprintf(\"%T=%d\", l, l)", result: `"main.level=3"`, stdout: "deferred 3\n"},
	})
}
