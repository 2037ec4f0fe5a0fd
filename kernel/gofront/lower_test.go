package gofront

import (
	"flag"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/concurlab/concurlab/kernel/gofront/pkgtypes"
)

// lowerCase is one case of testdata/lower/cases.txt: a Go file, what the lowerings make of
// it (or the error that rangeErrors reports).
type lowerCase struct {
	name, src, want string
}

// readLowerCases reads the cases: each starts with a line "### name", its source and its
// lowered source are parted by a line "---".
func readLowerCases(t *testing.T) []lowerCase {
	t.Helper()
	b, err := os.ReadFile("testdata/lower/cases.txt")
	if err != nil {
		t.Fatal(err)
	}
	var cases []lowerCase
	for _, part := range strings.Split(string(b), "### ")[1:] {
		name, rest, _ := strings.Cut(part, "\n")
		src, want, ok := strings.Cut(rest, "---\n")
		if !ok {
			t.Fatalf("case %s has no ---", name)
		}
		cases = append(cases, lowerCase{name: name, src: src, want: want})
	}
	return cases
}

// lowered checks src and returns its text with this package's lowerings of Go 1.21 to 1.23
// and of deferred calls applied, or the error of rangeErrors.
func lowered(t *testing.T, src string) string {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "cell.go", src, parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	u, errs := CheckFiles(fset, []*ast.File{f}, pkgtypes.New())
	if len(errs) > 0 {
		t.Fatalf("check: %v", errs)
	}
	if err := rangeErrors(u); err != nil {
		return "error: " + err.Error() + "\n"
	}
	return ApplyEdits(fset, f, src, slices.Concat(builtinCalls(u), rangeLoops(u), nestedDefines(u), funcDefers(u)))
}

// update rewrites the cases' lowered sources with what the lowerings make, to be reviewed.
var update = flag.Bool("update", false, "rewrite testdata/lower/cases.txt with what the lowerings make")

func TestLowerings(t *testing.T) {
	cases := readLowerCases(t)
	if *update {
		var b strings.Builder
		for _, c := range cases {
			b.WriteString("### " + c.name + "\n" + c.src + "---\n" + lowered(t, c.src))
		}
		if err := os.WriteFile("testdata/lower/cases.txt", []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := lowered(t, c.src)
			if got != c.want {
				t.Errorf("lowered =\n%s\nwant\n%s", got, c.want)
			}
			if !strings.HasPrefix(got, "error: ") && strings.Count(got, "\n") != strings.Count(c.src, "\n") {
				t.Errorf("the lowering moved lines")
			}
		})
	}
}
