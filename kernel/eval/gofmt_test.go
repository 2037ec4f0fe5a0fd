package eval

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

var updateGolden = flag.Bool("update", false, "rewrite the golden files of testdata/gofmt from go run")

// fmtImports are the imports of every case.
const fmtImports = `import ("errors"; "fmt"; "io"; "io/fs"; "log"; "os"; "time")`

// fmtSuite is a file of cases and the file of what go run prints for them.
type fmtSuite struct{ cases, golden string }

// fmtSuites are the cases of printing (values of cell-declared types through fmt and log)
// and of errors (errors.Is, As, Unwrap, fmt.Errorf's %w, type assertions of errors).
var fmtSuites = []fmtSuite{
	{"testdata/gofmt/cases.txt", "testdata/gofmt/golden.txt"},
	{"testdata/gofmt/errors.txt", "testdata/gofmt/errors_golden.txt"},
}

// knownGaps are the cases that print unlike Go today, and why.
var knownGaps = map[string]string{
	"errorf_wrap": "errors.Unwrap returns the wrapped value of a cell type in a host error, which == in the cell " +
		"does not find equal to the cell's own error value",
	"join": "yaegi passes a pointer of a cell type to errors.Join's variadic error parameter without its Error method",
	"identical_structs": "yaegi gives struct types with the same fields one reflect type, so the printer " +
		"takes either for the other (its name, its methods)",
}

// fmtCase is a cell that prints values of cell-declared types.
type fmtCase struct {
	name, decls, body string
}

// output is what a case printed.
type output struct{ stdout, stderr string }

func (o output) String() string { return "-- stdout --\n" + o.stdout + "-- stderr --\n" + o.stderr }

// readFmtCases reads a file of cases.
func readFmtCases(t *testing.T, file string) []fmtCase {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var cases []fmtCase
	for _, chunk := range strings.Split(string(data), "\n=== ")[1:] {
		name, rest, _ := strings.Cut(chunk, "\n")
		decls, body, found := strings.Cut(rest, "---\n")
		if !found {
			t.Fatalf("case %s has no --- line", name)
		}
		cases = append(cases, fmtCase{name, strings.TrimSpace(decls), strings.TrimSpace(body)})
	}
	return cases
}

// splitOutputs cuts what a program printed into each case's, by the lines "=== name".
func splitOutputs(text string) map[string]string {
	out := map[string]string{}
	for _, chunk := range strings.Split(text, "=== ")[1:] {
		name, rest, _ := strings.Cut(chunk, "\n")
		out[name] = rest
	}
	return out
}

// readGolden reads a golden file: each case as "=== name" and its output.
func readGolden(t *testing.T, file string) map[string]output {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	golden := map[string]output{}
	for name, text := range splitOutputs(string(data)) {
		stdout, stderr, _ := strings.Cut(strings.TrimPrefix(text, "-- stdout --\n"), "-- stderr --\n")
		golden[name] = output{stdout, stderr}
	}
	return golden
}

// goRunCases runs all cases as one program with the Go toolchain.
func goRunCases(t *testing.T, cases []fmtCase) map[string]output {
	t.Helper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no Go toolchain")
	}
	var b strings.Builder
	b.WriteString("package main\n\n" + fmtImports + "\n\nvar _, _, _, _, _ = errors.New, log.Println, time.Second, io.EOF, fs.ErrNotExist\n\n")
	for _, c := range cases {
		fmt.Fprintf(&b, "%s\n\nfunc case_%s() {\n%s\n}\n\n", c.decls, c.name, c.body)
	}
	b.WriteString("func main() {\n")
	for _, c := range cases {
		fmt.Fprintf(&b, "\tfmt.Println(%[1]q)\n\tfmt.Fprintln(os.Stderr, %[1]q)\n\tcase_%[2]s()\n", "=== "+c.name, c.name)
	}
	b.WriteString("}\n")
	dir := t.TempDir()
	file := filepath.Join(dir, "main.go")
	if err := os.WriteFile(file, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(goTool, "run", file)
	cmd.Dir, cmd.Stdout, cmd.Stderr = dir, &stdout, &stderr
	cmd.Env = append(os.Environ(), "GO111MODULE=off", "GOFLAGS=")
	if err := cmd.Run(); err != nil {
		t.Fatalf("go run: %v\n%s", err, stderr.String())
	}
	outs, errs := splitOutputs(stdout.String()), splitOutputs(stderr.String())
	got := map[string]output{}
	for _, c := range cases {
		got[c.name] = output{outs[c.name], errs[c.name]}
	}
	return got
}

// TestGoFormatGolden checks that the golden outputs are what go run prints (-update rewrites
// them).
func TestGoFormatGolden(t *testing.T) {
	for _, suite := range fmtSuites {
		t.Run(filepath.Base(suite.cases), func(t *testing.T) {
			cases := readFmtCases(t, suite.cases)
			want := goRunCases(t, cases)
			if *updateGolden {
				var b strings.Builder
				for _, c := range cases {
					fmt.Fprintf(&b, "=== %s\n%s", c.name, want[c.name])
				}
				if err := os.WriteFile(suite.golden, []byte(b.String()), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			golden := readGolden(t, suite.golden)
			for _, c := range cases {
				if golden[c.name] != want[c.name] {
					t.Errorf("%s: golden output is stale (go test -run TestGoFormatGolden -update):\ngolden:\n%s\ngo run:\n%s", c.name, golden[c.name], want[c.name])
				}
			}
		})
	}
}

// TestGoFormat runs each case in a session and compares its output with go run's.
func TestGoFormat(t *testing.T) {
	for _, suite := range fmtSuites {
		t.Run(filepath.Base(suite.cases), func(t *testing.T) { runFmtSuite(t, suite) })
	}
}

// runFmtSuite runs the cases of suite in one session.
func runFmtSuite(t *testing.T, suite fmtSuite) {
	t.Helper()
	golden := readGolden(t, suite.golden)
	cases := readFmtCases(t, suite.cases)
	h := newHarness(t, Options{})
	h.mustExec(fmtImports)
	passed := 0
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h.t = t
			var got output
			for _, code := range []string{c.decls, c.body} {
				if code == "" {
					continue
				}
				r := h.exec(code)
				if r.reply.Error != nil {
					if gap, known := knownGaps[c.name]; known {
						settle(h)
						t.Skipf("known gap (%s): cell failed:\n%s", gap, r.errorText())
					}
					t.Fatalf("cell failed:\n%s", r.errorText())
				}
				got.stdout += r.out.Text("stdout")
				got.stderr += r.out.Text("stderr")
			}
			gap, known := knownGaps[c.name]
			switch {
			case got == golden[c.name] && known:
				t.Errorf("prints what go run prints now: drop it from knownGaps")
			case got == golden[c.name]:
				passed++
			case known:
				t.Skipf("known gap (%s):\nsession printed:\n%s\ngo run printed:\n%s", gap, got, golden[c.name])
			default:
				t.Errorf("session printed:\n%s\ngo run printed:\n%s", got, golden[c.name])
			}
		})
	}
	t.Logf("%d of %d cases print what go run prints", passed, len(cases))
}

// settle runs a cell after one that failed, so that the session's rebuild comes before the
// next case.
func settle(h *harness) { h.exec("_ = 0") }
