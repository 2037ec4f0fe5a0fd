package gofront

import (
	"go/ast"
	"go/token"
	"go/types"
)

// commaOkValues lowers the comma-ok forms of a map index and of a type assertion whose value
// is kept, v, ok := m[k] and v, ok := x.(T), to a call of a function literal that makes them
// into variables of its own:
//
//	v, ok := m[k]   becomes   v, ok := func() (int, bool) { __cl_v, __cl_ok := m[k]; return __cl_v, __cl_ok }()
//
// Where the key is missing or the assertion fails, the interpreter leaves the value's
// variable as it was instead of setting it to the zero value: in a loop, v keeps what an
// earlier iteration found. The function's variables are new at each call.
func commaOkValues(u *Unit) []Edit {
	var edits []Edit
	for _, f := range u.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			var lhs []ast.Expr
			var rhs ast.Expr
			switch n := n.(type) {
			case *ast.AssignStmt:
				if len(n.Lhs) != 2 || len(n.Rhs) != 1 || n.Tok != token.ASSIGN && n.Tok != token.DEFINE {
					return true
				}
				lhs, rhs = n.Lhs, n.Rhs[0]
			case *ast.ValueSpec:
				if len(n.Names) != 2 || len(n.Values) != 1 {
					return true
				}
				lhs, rhs = []ast.Expr{n.Names[0], n.Names[1]}, n.Values[0]
			default:
				return true
			}
			if isBlank(lhs[0]) || !isBlank(lhs[1]) && !types.Identical(u.Info.TypeOf(lhs[1]), types.Typ[types.Bool]) {
				return true
			}
			value := commaOkType(u, rhs)
			if value == nil {
				return true
			}
			edits = append(edits,
				Edit{Pos: rhs.Pos(), End: rhs.Pos(), Text: "func() (" + u.TypeString(value) + ", bool) { __cl_v, __cl_ok := "},
				Edit{Pos: rhs.End(), End: rhs.End(), Text: "; return __cl_v, __cl_ok }()"})
			return true
		})
	}
	return edits
}

// commaOkType returns the type of the value of e when e is a map index or a type assertion,
// or nil.
func commaOkType(u *Unit, e ast.Expr) types.Type {
	switch e := ast.Unparen(e).(type) {
	case *ast.IndexExpr:
		if m, ok := u.Info.TypeOf(e.X).Underlying().(*types.Map); ok {
			return m.Elem()
		}
	case *ast.TypeAssertExpr:
		if e.Type != nil {
			return u.Info.TypeOf(e.Type)
		}
	}
	return nil
}
