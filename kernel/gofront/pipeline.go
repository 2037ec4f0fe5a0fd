package gofront

import (
	"go/ast"
	"slices"
)

// Lowerings returns the edits that turn a checked cell into code that the interpreter runs
// as Go would, or an error in Go's terms for a construct that it cannot run.
func (ck *Checked) Lowerings() ([]Edit, error) {
	cell := *ck.Unit // the session's declarations were lowered when their cells ran
	cell.Files = []*ast.File{ck.file}
	if err := rangeErrors(&cell); err != nil {
		return nil, err
	}
	return slices.Concat(cellDefers(ck), typedOperands(&cell), builtinCalls(&cell), rangeLoops(&cell), nestedDefines(&cell), funcDefers(&cell)), nil
}
