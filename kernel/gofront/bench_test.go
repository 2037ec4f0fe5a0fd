package gofront_test

import (
	"os"
	"strings"
	"testing"

	"github.com/concurlab/concurlab/kernel/gofront"
	"github.com/concurlab/concurlab/kernel/gofront/pkgtypes"
)

// pieces cuts src into pieces the simple way the benchmarks need: a declaration starts at
// a line that begins with "func " or "type ", and runs until the next line that begins
// with "}"; everything else is statements.
func pieces(src string) []gofront.Piece {
	var out []gofront.Piece
	lines := strings.SplitAfter(src, "\n")
	at := 0
	for i := 0; i < len(lines); {
		start := at
		kind := gofront.Statements
		if strings.HasPrefix(lines[i], "func ") || strings.HasPrefix(lines[i], "type ") {
			kind = gofront.Declaration
			for !strings.HasPrefix(lines[i], "}") {
				at += len(lines[i])
				i++
			}
			at += len(lines[i])
			i++
		} else {
			for i < len(lines) && !strings.HasPrefix(lines[i], "func ") && !strings.HasPrefix(lines[i], "type ") {
				at += len(lines[i])
				i++
			}
		}
		if text := src[start:at]; strings.TrimSpace(text) != "" {
			out = append(out, gofront.Piece{Kind: kind, Offset: start, Text: text})
		}
	}
	return out
}

// session is an earlier session of n small declarations and imports of fmt, sort, strings
// and sync.
func session(n int) gofront.Session {
	s := gofront.Session{Imports: []gofront.Import{{Path: "fmt"}, {Path: "sort"}, {Path: "strings"}, {Path: "sync"}}}
	for i := range n {
		name := "helper" + strings.Repeat("x", i)
		s.Decls = append(s.Decls, gofront.Decl{Names: []string{name}, Source: "func " + name + "(n int) string { return fmt.Sprint(n) }", Cell: i + 1, Line: 1, Col: 1})
	}
	s.Vars = []gofront.Var{{Name: "count", Type: "int"}, {Name: "names", Type: "[]string"}}
	return s
}

// BenchmarkCheckTrivialCell is the front end's share of a `1+1` cell, in a session of 20
// declarations: the check and the lowerings (a cell that names nothing of the session is
// checked without it).
func BenchmarkCheckTrivialCell(b *testing.B) {
	c := gofront.NewChecker(pkgtypes.New())
	s := session(20)
	cell := "1+1"
	p := []gofront.Piece{{Kind: gofront.Statements, Text: cell}}
	for b.Loop() {
		checkAndLower(b, c, s, cell, p)
	}
}

// BenchmarkCheckCellUsingSession is a one-line cell that calls a declaration and reads a
// variable of a session of 20 declarations: checked against the session's signatures.
func BenchmarkCheckCellUsingSession(b *testing.B) {
	c := gofront.NewChecker(pkgtypes.New())
	s := session(20)
	cell := "helper(count)"
	p := []gofront.Piece{{Kind: gofront.Statements, Text: cell}}
	for b.Loop() {
		checkAndLower(b, c, s, cell, p)
	}
}

// checkAndLower checks and lowers one cell, as the evaluator does.
func checkAndLower(b *testing.B, c *gofront.Checker, s gofront.Session, cell string, p []gofront.Piece) {
	b.Helper()
	ck, errs := c.Check(s, cell, p)
	if errs != nil {
		b.Fatal(errs)
	}
	if _, err := ck.Lowerings(); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkFirstSlicesSort is a fresh session's first generic call of the standard library,
// slices.Sort: the package's source is read from the Go installation, checked, and Sort
// instantiated for []int.
func BenchmarkFirstSlicesSort(b *testing.B) {
	cell := "import \"slices\"\nxs := []int{3, 1, 2}\nslices.Sort(xs)"
	p := []gofront.Piece{{Kind: gofront.Imports, Text: "import \"slices\"\n"}, {Kind: gofront.Statements, Offset: 16, Text: "xs := []int{3, 1, 2}\nslices.Sort(xs)"}}
	for b.Loop() {
		checkAndLower(b, gofront.NewChecker(pkgtypes.New()), gofront.Session{}, cell, p)
	}
}

// BenchmarkCheck100LineCell type-checks and lowers a cell of 100 lines (types, methods,
// funcs, goroutines, channels, maps) in a session of 20 declarations.
func BenchmarkCheck100LineCell(b *testing.B) {
	src, err := os.ReadFile("testdata/bench/cell100.go.txt")
	if err != nil {
		b.Fatal(err)
	}
	cell := string(src)
	p := pieces(cell)
	c := gofront.NewChecker(pkgtypes.New())
	s := session(20)
	for b.Loop() {
		checkAndLower(b, c, s, cell, p)
	}
}

// BenchmarkFirstImportFmt is a session's first cell, `import "fmt"` and a call, with a
// fresh importer: the package's types are decoded from the embedded data.
func BenchmarkFirstImportFmt(b *testing.B) {
	cell := "import \"fmt\"\nfmt.Println(1)"
	p := []gofront.Piece{{Kind: gofront.Imports, Text: "import \"fmt\"\n"}, {Kind: gofront.Statements, Offset: 13, Text: "fmt.Println(1)"}}
	for b.Loop() {
		c := gofront.NewChecker(pkgtypes.New())
		if _, errs := c.Check(gofront.Session{}, cell, p); errs != nil {
			b.Fatal(errs)
		}
	}
}
