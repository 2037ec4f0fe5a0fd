package gofront

import (
	"flag"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"strings"
	"testing"

	"github.com/concurlab/concurlab/kernel/gofront/pkgtypes"
)

// lowerCase is one case of testdata/lower/cases.txt: a Go file, what the lowerings make of
// it (or the error that rangeErrors reports).
type lowerCase struct {
	name, src, want string
}

// lowerFixtures are the files of lowering cases, each with the lowerings applied to its cases.
var lowerFixtures = []struct {
	file      string
	lowerings []func(*Unit) []Edit
	moving    []func(*Unit, []Edit) []Edit // given the edits of lowerings
}{
	{"testdata/lower/cases.txt", []func(*Unit) []Edit{builtinCalls, rangeLoops, nestedDefines, funcDefers}, nil},
	{"testdata/lower/recover.txt", []func(*Unit) []Edit{recoverCalls}, nil},
	{"testdata/lower/embed.txt", []func(*Unit) []Edit{embeddedInterfaces}, nil},
	{"testdata/lower/methodexpr.txt", []func(*Unit) []Edit{methodExprs}, nil},
	{"testdata/lower/ifacenil.txt", []func(*Unit) []Edit{nilErrors}, nil},
	{"testdata/lower/typeswitch.txt", []func(*Unit) []Edit{typeSwitches}, nil},
	{"testdata/lower/select.txt", []func(*Unit) []Edit{selectBranches, builtinCalls}, []func(*Unit, []Edit) []Edit{selectStmts}},
	{"testdata/lower/funclit.txt", []func(*Unit) []Edit{builtinCalls}, []func(*Unit, []Edit) []Edit{funcLits}},
	{"testdata/lower/results.txt", nil, []func(*Unit, []Edit) []Edit{namedResults}},
	{"testdata/lower/receivers.txt", []func(*Unit) []Edit{addressedReceivers}, nil},
	{"testdata/lower/fieldstore.txt", []func(*Unit) []Edit{libraryFieldStores}, nil},
	{"testdata/lower/variadic.txt", []func(*Unit) []Edit{variadicSlices}, nil},
	{"testdata/lower/commaok.txt", []func(*Unit) []Edit{commaOkValues}, nil},
	{"testdata/lower/rangeforms.txt", []func(*Unit) []Edit{rangeForms}, nil},
	{"testdata/lower/consts.txt", []func(*Unit) []Edit{constantExprs, constValues}, nil},
}

// readLowerCases reads the cases of file: each starts with a line "### name", its source and
// its lowered source are parted by a line "---".
func readLowerCases(t *testing.T, file string) []lowerCase {
	t.Helper()
	b, err := os.ReadFile(file)
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

// lowered checks src and returns its text with lowerings applied, or the error of
// rangeErrors.
func lowered(t *testing.T, src string, lowerings []func(*Unit) []Edit, moving []func(*Unit, []Edit) []Edit) string {
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
	u.texts = map[*token.File]string{fset.File(f.Pos()): src}
	var edits []Edit
	for _, lower := range lowerings {
		edits = append(edits, lower(u)...)
	}
	moved := edits
	for _, lower := range moving {
		moved = append(moved, lower(u, withoutNested(edits))...)
	}
	return ApplyEdits(fset, f, src, withoutNested(moved))
}

// update rewrites the cases' lowered sources with what the lowerings make, to be reviewed.
var update = flag.Bool("update", false, "rewrite the files of lowerFixtures with what the lowerings make")

func TestLowerings(t *testing.T) {
	for _, fx := range lowerFixtures {
		cases := readLowerCases(t, fx.file)
		if *update {
			var b strings.Builder
			for _, c := range cases {
				b.WriteString("### " + c.name + "\n" + c.src + "---\n" + lowered(t, c.src, fx.lowerings, fx.moving))
			}
			if err := os.WriteFile(fx.file, []byte(b.String()), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				got := lowered(t, c.src, fx.lowerings, fx.moving)
				if got != c.want {
					t.Errorf("lowered =\n%s\nwant\n%s", got, c.want)
				}
				if !strings.HasPrefix(got, "error: ") && strings.Count(got, "\n") != strings.Count(c.src, "\n") {
					t.Errorf("the lowering moved lines")
				}
			})
		}
	}
}
