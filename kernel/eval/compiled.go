package eval

import (
	"slices"
	"strings"

	"github.com/concurlab/concurlab/kernel/compiled"
)

// Session gives %%compile cells their pieces and the session's declarations.
var _ compiled.Sourcer = (*Session)(nil)

// pieceKinds maps the kinds of the evaluator's chunks to those of a compiled program.
var pieceKinds = map[chunkKind]compiled.Kind{
	stmtChunk:    compiled.Statements,
	declChunk:    compiled.Declaration,
	importChunk:  compiled.Import,
	packageChunk: compiled.Package,
}

// CompileSource cuts code into pieces as cells are cut, and returns them with the session's
// imports and declarations as their cells wrote them (not the instances the front end
// generated, nor an earlier program's func main). The session is not changed.
func (s *Session) CompileSource(code string, cell int) compiled.Source {
	var src compiled.Source
	chunks := splitCell(code)
	for _, c := range chunks {
		piece := compiled.Piece{Kind: pieceKinds[c.kind], Text: c.text, Cell: cell, Line: c.line, Col: c.col}
		if p, err := parseChunk(c); err == nil && c.kind == declChunk {
			piece.Declares = keyNames(declKeys(p.file.Decls[0]))
		}
		src.Cell = append(src.Cell, piece)
	}
	if n := len(src.Cell); n > 0 && src.Cell[n-1].Kind == compiled.Statements {
		last := &src.Cell[n-1]
		if p, err := parseChunk(chunks[len(chunks)-1]); err == nil {
			if e := resultEdits(p); len(e) == 2 {
				last.Result = []int{e[0].start, e[1].start}
			}
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, imp := range s.imports {
		src.Earlier = append(src.Earlier, compiled.Piece{Kind: compiled.Import, Text: imp.source(), Line: 1, Col: 1})
	}
	for _, d := range s.decls {
		if d.generated || slices.Contains(d.keys, "func main") {
			continue
		}
		src.Earlier = append(src.Earlier, compiled.Piece{Kind: compiled.Declaration, Text: d.text, Cell: d.cell, Line: d.line, Col: d.col,
			Declares: keyNames(d.keys)})
	}
	for _, v := range s.vars {
		src.Values = append(src.Values, v.Name)
	}
	return src
}

// keyNames are the names that keys declare ("func F" is F, "method T.M" is T.M).
func keyNames(keys []string) []string {
	names := make([]string, len(keys))
	for i, k := range keys {
		_, names[i], _ = strings.Cut(k, " ")
	}
	return names
}
