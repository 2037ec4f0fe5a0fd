package eval

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"strings"
)

// parsedChunk is a chunk with its syntax tree. Positions in the tree report cell lines and
// columns (through a //line directive); offset converts them to offsets in the chunk's text.
type parsedChunk struct {
	chunk
	fset   *token.FileSet
	file   *ast.File
	header int        // bytes of wrapper before the chunk's text
	stmts  []ast.Stmt // the statements of a stmtChunk
	// lowered are the front end's edits of text, which the other rewrites join.
	lowered []edit
}

// parseChunk parses c as it would stand in a Go file: declarations at package level,
// statements in a function body.
func parseChunk(c chunk) (*parsedChunk, error) {
	header := "package main\n"
	trailer := ""
	if c.kind == stmtChunk {
		header += "func _() {\n"
		trailer = "\n}"
	}
	header += fmt.Sprintf("//line cell:%d:%d\n", c.line, c.col)
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "", header+c.text+trailer, parser.ParseComments|parser.DeclarationErrors)
	if err != nil {
		return nil, clampToChunk(positionedError(err), c)
	}
	p := &parsedChunk{chunk: c, fset: fset, file: file, header: len(header)}
	if c.kind == stmtChunk {
		p.stmts = file.Decls[0].(*ast.FuncDecl).Body.List
	}
	return p, nil
}

// offset converts a position of p's tree to an offset in p.text.
func (p *parsedChunk) offset(pos token.Pos) int {
	return p.fset.PositionFor(pos, false).Offset - p.header
}

// cellLine returns the cell line of a position of p's tree.
func (p *parsedChunk) cellLine(pos token.Pos) int {
	return p.fset.Position(pos).Line
}

// errorAt returns the error msg at the cell position of pos, a position of p's tree.
func (p *parsedChunk) errorAt(pos token.Pos, msg string) *cellError {
	at := p.fset.Position(pos)
	return &cellError{line: at.Line, col: at.Column, msg: msg}
}

// cellError is an error at a place in the cell.
type cellError struct {
	line, col int
	msg       string
}

func (e *cellError) Error() string { return fmt.Sprintf("%d:%d: %s", e.line, e.col, e.msg) }

// positionedError turns a go/parser error into a cellError.
func positionedError(err error) error {
	var list scanner.ErrorList
	if errors.As(err, &list) && len(list) > 0 {
		return &cellError{line: list[0].Pos.Line, col: list[0].Pos.Column, msg: list[0].Msg}
	}
	return err
}

// clampToChunk moves an error found in the wrapper after the chunk (its closing brace) to the
// end of the chunk: the cell ended too early.
func clampToChunk(err error, c chunk) error {
	ce, ok := err.(*cellError)
	lines := strings.Split(c.text, "\n")
	lastLine := c.line + len(lines) - 1
	if !ok || ce.line <= lastLine {
		return err
	}
	last := lines[len(lines)-1]
	col := len(last) + 1
	if len(lines) == 1 {
		col += c.col - 1
	}
	msg := strings.Replace(ce.msg, "found '}'", "found the end of the cell", 1)
	return &cellError{line: lastLine, col: col, msg: msg}
}
