package eval

import (
	"fmt"
	"strings"
	"testing"

	"github.com/concurlab/concurlab/kernel/compiled"
)

// A compiled cell gets its pieces as cells are cut, and the session's imports and latest
// declarations as their cells wrote them, without the front end's generated instances.
func TestCompileSource(t *testing.T) {
	h := newHarness(t, Options{})
	h.mustExec("import \"fmt\"\nfunc twice(x int) int { return 2 * x }")
	h.mustExec("type Set[T comparable] map[T]bool\nvar s = Set[int]{1: true}")
	h.mustExec("func twice(x int) int { return x + x }\nn := twice(2)")
	src := h.s.CompileSource("import \"strings\"\nfunc shout(s string) string { return strings.ToUpper(s) }\nfmt.Println(shout(\"a\"))\ntwice(n)", 9)

	var cell []string
	for _, p := range src.Cell {
		cell = append(cell, fmt.Sprintf("%d %d:%d %v %q", p.Kind, p.Line, p.Col, p.Declares, p.Text))
	}
	want := []string{
		fmt.Sprintf("%d 1:1 [] %q", compiled.Import, `import "strings"`),
		fmt.Sprintf("%d 2:1 [shout] %q", compiled.Declaration, `func shout(s string) string { return strings.ToUpper(s) }`),
		fmt.Sprintf("%d 3:1 [] %q", compiled.Statements, "fmt.Println(shout(\"a\"))\ntwice(n)"),
	}
	if strings.Join(cell, "\n") != strings.Join(want, "\n") {
		t.Errorf("cell pieces:\n%s\nwant:\n%s", strings.Join(cell, "\n"), strings.Join(want, "\n"))
	}
	last := src.Cell[len(src.Cell)-1]
	if len(last.Result) != 2 || last.Text[last.Result[0]:last.Result[1]] != "twice(n)" {
		t.Errorf("result span %v of %q, want twice(n)", last.Result, last.Text)
	}

	var earlier []string
	for _, p := range src.Earlier {
		earlier = append(earlier, fmt.Sprintf("In[%d] %d %v %s", p.Cell, p.Line, p.Declares, strings.TrimSpace(p.Text)))
	}
	wantEarlier := []string{
		`In[0] 1 [] import "fmt"`,
		"In[2] 1 [Set] type Set[T comparable] map[T]bool",
		"In[2] 2 [s] var s = Set[int]{1: true}",
		"In[3] 1 [twice] func twice(x int) int { return x + x }",
	}
	if strings.Join(earlier, "\n") != strings.Join(wantEarlier, "\n") {
		t.Errorf("earlier pieces:\n%s\nwant:\n%s", strings.Join(earlier, "\n"), strings.Join(wantEarlier, "\n"))
	}
	if strings.Join(src.Values, ",") != "n" {
		t.Errorf("values %q, want n", src.Values)
	}
}
