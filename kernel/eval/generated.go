package eval

import (
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/concurlab/concurlab/kernel/gofront"
)

// generatedDecls returns the declarations that the front end wrote for the checked cell
// (instances of generic code) and that the session does not have as they are (a redefined
// generic function's instances are new versions), rewritten as cells are. They are the session's like the cells' own, so that a rebuild declares them again,
// but the front end never sees them: it checks the generic code they came from.
func (s *Session) generatedDecls(ck *gofront.Checked, cell int) ([]declaration, error) {
	var out []declaration
	for _, g := range ck.Generated() {
		key := g.Kind + " " + g.Name
		if slices.ContainsFunc(s.decls, func(d declaration) bool { return slices.Contains(d.keys, key) && d.source == g.Source }) {
			continue
		}
		p, err := parseChunk(chunk{kind: declChunk, text: g.Source, line: 1, col: 1})
		if err != nil {
			return nil, fmt.Errorf("the code written for %s does not parse: %v", g.Of, err)
		}
		out = append(out, declaration{keys: []string{key}, source: g.Source, code: applyEdits(p.text, s.rewrites(p, cell)),
			cell: cell, line: 1, col: 1, generated: true, of: g.Of, shown: g.Shown, instance: g.Instance})
	}
	return out, nil
}

// generatedCode is the source of decls, to follow a cell's declarations in one evaluation.
func generatedCode(decls []declaration) string {
	var b strings.Builder
	for _, d := range decls {
		b.WriteString("\n")
		b.WriteString(d.code)
	}
	return b.String()
}

// interpreted reports, for the front end, whether the symbol tables hold an object: tables
// are keyed "path/name" (math/rand/v2's is "math/rand/v2/rand").
func interpreted(tables map[string]map[string]reflect.Value) func(path, name string) bool {
	byPath := map[string]map[string]reflect.Value{}
	for key, syms := range tables {
		byPath[key[:max(strings.LastIndex(key, "/"), 0)]] = syms
	}
	return func(path, name string) bool {
		_, ok := byPath[path][name]
		return ok
	}
}
