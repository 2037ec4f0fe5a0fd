package eval

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/concurlab/concurlab/kernel/engine"
	"github.com/concurlab/concurlab/kernel/gofront"
)

// frontSession tells the front end what the session holds: its imports, its declarations
// and the variables that statements made.
func (s *Session) frontSession() gofront.Session {
	fs := gofront.Session{}
	declared := declaredNames(s.decls, topLevelKinds...)
	for _, v := range s.vars {
		if !slices.Contains(declared, v.Name) {
			fs.Vars = append(fs.Vars, v)
		}
	}
	for _, imp := range s.imports {
		fs.Imports = append(fs.Imports, gofront.Import{Name: imp.name, Path: imp.path})
	}
	for _, d := range s.decls {
		if d.generated {
			if d.instance != nil {
				fs.Instances = append(fs.Instances, *d.instance)
			}
			continue
		}
		fs.Decls = append(fs.Decls, gofront.Decl{Names: d.names(), Source: d.text, Cell: d.cell, Line: d.line, Col: d.col})
	}
	return fs
}

// names returns what d declares as the front end names it: "f", "T", "x", "T.M".
func (d declaration) names() []string {
	names := make([]string, len(d.keys))
	for i, k := range d.keys {
		_, names[i], _ = strings.Cut(k, " ")
	}
	return names
}

// pieces converts the chunks of a cell for the front end.
func pieces(chunks []*parsedChunk) []gofront.Piece {
	kinds := map[chunkKind]gofront.PieceKind{stmtChunk: gofront.Statements, declChunk: gofront.Declaration, importChunk: gofront.Imports}
	out := make([]gofront.Piece, len(chunks))
	for i, c := range chunks {
		out[i] = gofront.Piece{Kind: kinds[c.kind], Offset: c.from, Text: c.text}
	}
	return out
}

// check type-checks the parsed chunks of code against the session: the errors of a cell that
// does not type-check, in Go's words at the cell's lines, or what the cell will make.
func (s *Session) check(code string, cell int, chunks []*parsedChunk) (*gofront.Checked, *engine.Error) {
	ck, errs := s.front.Check(s.frontSession(), code, pieces(chunks))
	if len(errs) == 0 {
		return ck, nil
	}
	return nil, s.typeErrors(code, cell, errs)
}

// typeErrors reports the errors of a cell: the first as the error's value, each with its
// source line and a caret, as the go command lists them.
func (s *Session) typeErrors(code string, cell int, errs []gofront.Error) *engine.Error {
	first := s.compileFailure(code, cell, &cellError{line: errs[0].Line, col: errs[0].Col, msg: errs[0].Msg})
	for _, e := range errs[1:] {
		more := s.compileFailure(code, cell, &cellError{line: e.Line, col: e.Col, msg: e.Msg})
		first.Traceback = append(first.Traceback, more.Value)
		for _, line := range more.Traceback[1:] {
			if !strings.HasPrefix(line, "  Hint:") || !slices.Contains(first.Traceback, line) {
				first.Traceback = append(first.Traceback, line)
			}
		}
	}
	if len(errs) == gofront.MaxErrors {
		first.Traceback = append(first.Traceback, "  too many errors")
	}
	return first
}

// adopt records in the session what a checked cell changes before it runs: earlier
// declarations and variables that its redefinitions broke are dropped with a notice, the
// variables it defines are known with their types, and the packages their types need are
// imported under hidden names.
func (s *Session) adopt(ck *gofront.Checked) []importSpec {
	if len(ck.Dropped) > 0 {
		var lines []string
		for _, d := range ck.Dropped {
			i := slices.IndexFunc(s.decls, func(old declaration) bool { return old.cell == d.Decl.Cell && old.text == d.Decl.Source })
			if i < 0 {
				continue
			}
			lines = append(lines, fmt.Sprintf("  %s (from In[%d]): %d:%d: %s", strings.Join(s.decls[i].keys, ", "), d.Decl.Cell, d.Err.Line, d.Err.Col, d.Err.Msg))
			s.decls = slices.Delete(s.decls, i, i+1)
		}
		s.ro.deliver("stderr", "dropped, since they no longer compile with the new declarations:\n"+strings.Join(lines, "\n")+"\n")
	}
	for _, name := range ck.DroppedVars {
		s.vars = slices.DeleteFunc(s.vars, func(v gofront.Var) bool { return v.Name == name })
	}
	for _, v := range ck.Vars {
		s.vars = slices.DeleteFunc(s.vars, func(old gofront.Var) bool { return old.Name == v.Name })
		s.vars = append(s.vars, v)
	}
	var hidden []importSpec
	for _, name := range slices.Sorted(maps.Keys(ck.HiddenImports)) {
		hidden = append(hidden, importSpec{name: name, path: ck.HiddenImports[name]})
	}
	return hidden
}

// lowered gives each chunk the front end's lowerings of it, as edits of the chunk's text.
func lowered(ck *gofront.Checked, chunks []*parsedChunk) error {
	edits, err := ck.Lowerings()
	var ge gofront.Error
	if errors.As(err, &ge) {
		return &cellError{line: ge.Line, col: ge.Col, msg: ge.Msg}
	}
	if err != nil {
		return err
	}
	for _, e := range edits {
		start, ok1 := ck.CellOffset(e.Pos)
		end, ok2 := ck.CellOffset(e.End)
		if !ok1 || !ok2 {
			continue
		}
		for _, c := range chunks {
			if c.from <= start && end <= c.from+len(c.text) {
				c.lowered = append(c.lowered, edit{start: start - c.from, end: end - c.from, repl: e.Text})
				break
			}
		}
	}
	return nil
}
