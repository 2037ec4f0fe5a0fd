package gofront

import "go/ast"

// Lowerings returns the edits that turn a checked cell into code that the interpreter runs
// as Go would, or an error in Go's terms for a construct that it cannot run.
func (ck *Checked) Lowerings() ([]Edit, error) {
	cell := *ck.Unit // the session's declarations were lowered when their cells ran
	cell.Files = []*ast.File{ck.file}
	return append(cellDefers(ck), typedOperands(&cell)...), nil
}
