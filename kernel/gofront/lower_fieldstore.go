package gofront

import (
	"go/ast"
	"go/token"
	"go/types"
)

// libraryFieldStores converts the operation that an assignment stores into an interface
// field of a library's struct to the field's type:
//
//	r.Value = i * i   becomes   r.Value = any(i * i)
//
// for r a *ring.Ring. The interpreter writes the result of an arithmetic or unary operation
// straight into its destination, and into a compiled struct's interface field that write
// silently ends the function: nothing after the assignment runs.
func libraryFieldStores(u *Unit) []Edit {
	var edits []Edit
	for _, f := range u.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			as, ok := n.(*ast.AssignStmt)
			if !ok || as.Tok != token.ASSIGN || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
				return true
			}
			field := libraryField(u, as.Lhs[0])
			rhs := as.Rhs[0]
			if field == nil || !types.IsInterface(field.Type()) || !isOperation(rhs) || u.Info.Types[rhs].Value != nil {
				return true
			}
			edits = append(edits,
				Edit{Pos: rhs.Pos(), End: rhs.Pos(), Text: u.TypeString(field.Type()) + "("},
				Edit{Pos: rhs.End(), End: rhs.End(), Text: ")"})
			return true
		})
	}
	return edits
}

// libraryField returns the field that e selects when it is a field of a struct type declared
// in another package than the unit's, or nil.
func libraryField(u *Unit, e ast.Expr) *types.Var {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	s, ok := u.Info.Selections[sel]
	if !ok || s.Kind() != types.FieldVal {
		return nil
	}
	field := s.Obj().(*types.Var)
	if field.Pkg() == nil || field.Pkg() == u.Pkg {
		return nil
	}
	return field
}

// isOperation reports whether e is a unary or binary operation, not in parentheses.
func isOperation(e ast.Expr) bool {
	switch e.(type) {
	case *ast.BinaryExpr, *ast.UnaryExpr:
		return true
	}
	return false
}
