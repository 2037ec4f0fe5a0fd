package eval

import (
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

var checkGoRun = flag.Bool("gorun", false, "check TestLoweredCells' expected outputs with go run")

// loweredCase is a cell that runs what the front end lowers, with what go run prints for it
// as a program.
type loweredCase struct {
	name, decls, body, want string
}

// readLoweredCases reads testdata/lower/cases.txt.
func readLoweredCases(t *testing.T) []loweredCase {
	t.Helper()
	data, err := os.ReadFile("testdata/lower/cases.txt")
	if err != nil {
		t.Fatal(err)
	}
	var cases []loweredCase
	for _, chunk := range strings.Split(string(data), "\n=== ")[1:] {
		name, rest, _ := strings.Cut(chunk, "\n")
		decls, rest, ok1 := strings.Cut(rest, "---\n")
		body, want, ok2 := strings.Cut(rest, ">>>\n")
		if !ok1 || !ok2 {
			t.Fatalf("case %s lacks its --- or >>> line", name)
		}
		cases = append(cases, loweredCase{name, decls, body, strings.TrimSuffix(want, "\n") + "\n"})
	}
	return cases
}

// TestLoweredCells runs cells of range over int and functions, min, max, clear, deferred
// calls and nested definitions, one session each, and compares their output with go run's.
func TestLoweredCells(t *testing.T) {
	for _, c := range readLoweredCases(t) {
		t.Run(c.name, func(t *testing.T) {
			if *checkGoRun {
				if got := goRun(t, "package main\n"+c.decls+"func main() {\n"+c.body+"}\n"); got != c.want {
					t.Errorf("go run printed\n%s\nthe case wants\n%s", got, c.want)
				}
			}
			h := newHarness(t, Options{})
			r := h.exec(c.decls + c.body)
			if r.reply.Error != nil {
				t.Fatalf("the cell failed:\n%s\nafter printing\n%s", r.errorText(), r.out.Text("stdout"))
			}
			if got := r.out.Text("stdout"); got != c.want {
				t.Errorf("the cell printed\n%s\ngo run prints\n%s", got, c.want)
			}
		})
	}
}

// goRun runs src as a program and returns its stdout.
func goRun(t *testing.T, src string) string {
	t.Helper()
	dir := t.TempDir()
	file := filepath.Join(dir, "main.go")
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("go", "run", file).Output()
	if err != nil {
		t.Fatalf("go run: %v\n%s", err, out)
	}
	return string(out)
}

// TestRedefinitionReadsTheSessionVariable checks cells that define a session variable again
// at their top level and read it there, before or in the definition: they read the session's
// value, as Go reads the outer variable.
func TestRedefinitionReadsTheSessionVariable(t *testing.T) {
	runCases(t, Options{}, []cellCase{
		{name: "x := x + 1", setup: []string{`import "fmt"`, `x := 1`},
			code: "x := x + 1\nfmt.Println(x)", stdout: "2\n"},
		{name: "a print before the definition", setup: []string{`import "fmt"`, `var x = "package"`},
			code: "fmt.Println(x)\nx := \"cell\"\nfmt.Println(x)", stdout: "package\ncell\n"},
		{name: "append to the session's slice, then define again with a new variable",
			setup: []string{`import "fmt"`, "func two(s []int) ([]int, error) { return append(s, 3), nil }", `s := []int{1}`},
			code:  "s := append(s, 2)\ns, err := two(s)\nfmt.Println(s, err)", stdout: "[1 2 3] <nil>\n"},
		{name: "the next cell sees the new value", setup: []string{`n := 1`, `n := n * 10`},
			code: "n", result: "10"},
	})
}
