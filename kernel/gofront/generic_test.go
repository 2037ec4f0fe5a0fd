package gofront

import (
	"errors"
	"strings"
	"testing"

	"github.com/concurlab/concurlab/kernel/gofront/pkgtypes"
)

// checkCell checks a cell of declarations and statements against an empty session.
func checkCell(t *testing.T, c *Checker, imports, decls, stmts string) *Checked {
	t.Helper()
	cell := imports + decls + stmts
	var pieces []Piece
	for _, p := range []Piece{{Imports, 0, imports}, {Declaration, len(imports), decls}, {Statements, len(imports) + len(decls), stmts}} {
		if p.Text != "" {
			pieces = append(pieces, p)
		}
	}
	ck, errs := c.Check(Session{}, cell, pieces)
	if len(errs) > 0 {
		t.Fatalf("%q: %v", cell, errs)
	}
	return ck
}

// TestInstances checks what the front end writes for generic code: one declaration per
// instance, named by what it instantiates, none for code that is not generic.
func TestInstances(t *testing.T) {
	tests := []struct {
		name, imports, decls, stmts string
		of                          []string // what the generated declarations instantiate
	}{
		{"plain code", `import "fmt"` + "\n", "func f() int { return 1 }\n", "fmt.Println(f())", nil},
		{"inferred", "", "func Map[T, U any](xs []T, f func(T) U) []U { return nil }\n", "_ = Map([]int{1}, func(int) string { return \"\" })", []string{"Map[int, string]"}},
		{"explicit and repeated", "", "func Id[T any](x T) T { return x }\n", "_, _ = Id[int](1), Id(2)", []string{"Id[int]"}},
		{"generic type and its methods", "", "type Box[T any] struct{ v T }\nfunc (b Box[T]) Get() T { return b.v }\n", "_ = Box[string]{\"x\"}.Get()", []string{"Box[string]"}},
		{"nested instances", "", "type node[T any] struct{ next *node[T]; v T }\ntype List[T any] struct{ head *node[T] }\n", "var l List[int]; _ = l", []string{"List[int]", "node[int]"}},
		{"standard library", `import "slices"` + "\n", "", "xs := []int{2, 1}; slices.Sort(xs)", []string{"slices.Sort[[]int, int]"}},
	}
	c := NewChecker(pkgtypes.New())
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ck := checkCell(t, c, tt.imports, tt.decls, tt.stmts)
			if _, err := ck.Lowerings(); err != nil {
				t.Fatal(err)
			}
			var of []string
			for _, g := range ck.Generated() {
				if !strings.HasPrefix(g.Name, GeneratedPrefix) {
					t.Errorf("generated %s is not named with %s", g.Name, GeneratedPrefix)
				}
				if strings.Contains(strings.Join(of, "\n"), g.Of) {
					t.Errorf("%s is generated twice", g.Of)
				}
				of = append(of, g.Of)
			}
			for _, want := range tt.of {
				if !strings.Contains(strings.Join(of, "\n"), want) {
					t.Errorf("generated %q, want an instance of %s", of, want)
				}
			}
			if tt.of == nil && len(of) > 0 {
				t.Errorf("generated %q for code that is not generic", of)
			}
		})
	}
}

// TestInstancesWithoutGo is generic standard-library code on a machine without Go: the
// cell's error says so, in words for people.
func TestInstancesWithoutGo(t *testing.T) {
	c := NewChecker(pkgtypes.New())
	c.stdSource().root = func() (string, error) { return "", errors.New("this machine has no Go installation") }
	ck := checkCell(t, c, `import "slices"`+"\n", "", "xs := []int{2, 1}; slices.Sort(xs)")
	_, err := ck.Lowerings()
	if err == nil || !strings.Contains(err.Error(), "no Go installation") || !strings.Contains(err.Error(), "install Go") {
		t.Fatalf("error %v, want one saying that there is no Go installation and to install it", err)
	}
}
