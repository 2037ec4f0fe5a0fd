package eval

import (
	"go/ast"
	"go/token"
	"strings"
)

// declarationsOf returns the declarations of the declaration chunk p, whose code gets the
// rewrite edits: one per spec of a grouped type, var or const declaration, so that
// redefining one name of a group keeps the others. Each spec's declaration is the whole chunk
// with the other specs blanked out, so that lines and columns stay the cell's; in a const
// group the specs before it stay, named _, since its iota and implied values depend on them.
func declarationsOf(p *parsedChunk, cell int, edits []edit) []declaration {
	whole := declaration{
		keys: declKeys(p.file.Decls[0]), source: p.text, text: p.text, code: applyEdits(p.text, edits),
		cell: cell, line: p.line, col: p.col,
	}
	g, ok := p.file.Decls[0].(*ast.GenDecl)
	if !ok || len(g.Specs) < 2 {
		return []declaration{whole}
	}
	var out []declaration
	for i, spec := range g.Specs {
		var others []edit
		for j, other := range g.Specs {
			switch {
			case j < i && g.Tok == token.CONST:
				others = append(others, blankNames(p, other.(*ast.ValueSpec))...)
			case j != i:
				others = append(others, blankSpec(p, g, j))
			}
		}
		d := whole
		d.keys = declKeys(&ast.GenDecl{Tok: g.Tok, Specs: []ast.Spec{spec}})
		d.text = applyEdits(p.text, others)
		d.source = withoutBlankLines(d.text)
		d.code = applyEdits(p.text, append(others, outside(edits, others)...))
		out = append(out, d)
	}
	return out
}

// blankSpec blanks the j-th spec of g with the separator after it.
func blankSpec(p *parsedChunk, g *ast.GenDecl, j int) edit {
	start, end := p.offset(g.Specs[j].Pos()), p.offset(g.Specs[j].End())
	if j+1 < len(g.Specs) {
		end = p.offset(g.Specs[j+1].Pos())
	}
	return blank(p.text, start, end)
}

// blankNames renames the names of a const spec to _.
func blankNames(p *parsedChunk, spec *ast.ValueSpec) []edit {
	var edits []edit
	for _, name := range spec.Names {
		start, end := p.offset(name.Pos()), p.offset(name.End())
		edits = append(edits, edit{start, end, "_" + strings.Repeat(" ", end-start-1)})
	}
	return edits
}

// blank replaces text[start:end] by spaces, keeping its line breaks.
func blank(text string, start, end int) edit {
	repl := []byte(text[start:end])
	for i, c := range repl {
		if c != '\n' {
			repl[i] = ' '
		}
	}
	return edit{start, end, string(repl)}
}

// outside returns the edits that lie outside all of within.
func outside(edits, within []edit) []edit {
	var out []edit
	for _, e := range edits {
		inside := false
		for _, w := range within {
			if e.start < w.end && w.start < e.end {
				inside = true
			}
		}
		if !inside {
			out = append(out, e)
		}
	}
	return out
}

// withoutBlankLines drops the lines of text that hold only spaces and tabs, and trailing
// spaces: what a blanked group shows as its source.
func withoutBlankLines(text string) string {
	var lines []string
	for _, line := range strings.Split(text, "\n") {
		if line = strings.TrimRight(line, " \t"); strings.TrimSpace(line) != "" {
			lines = append(lines, line)
		}
	}
	return strings.Join(lines, "\n")
}

// withZero returns d with its zero declaration, given the types of the cell's variables.
func (d declaration) withZero(types map[string]string) declaration {
	names := varNames(d.keys, "var ")
	if len(names) == 0 {
		return d
	}
	var specs []string
	for _, name := range names {
		typ, ok := types[name]
		if !ok {
			return d
		}
		specs = append(specs, "var "+name+" "+typ)
	}
	d.zero = strings.Join(specs, "; ") + strings.Repeat("\n", strings.Count(d.code, "\n"))
	return d
}
