package gofront

import (
	"go/ast"
	"go/types"
)

// ProgramMain is the name that the evaluator gives a pasted program's func main, which the
// interpreter would otherwise run again on every later evaluation.
const ProgramMain = "__cl_main"

// mainCalls renames each use of the package's func main (a program that calls main itself, a
// later cell that runs it again) to ProgramMain, the name the evaluator declares it by.
func mainCalls(u *Unit) []Edit {
	var edits []Edit
	for _, f := range u.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			id, ok := n.(*ast.Ident)
			if !ok || id.Name != "main" {
				return true
			}
			if fn, ok := u.Info.Uses[id].(*types.Func); ok && fn.Pkg() == u.Pkg && fn.Parent() == u.Pkg.Scope() {
				edits = append(edits, Edit{Pos: id.Pos(), End: id.End(), Text: ProgramMain})
			}
			return true
		})
	}
	return edits
}
