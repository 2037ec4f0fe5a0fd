package gofront

import (
	"fmt"
	"go/ast"
	"strings"
)

// namedResults sets the named results of each function to their zero values where its body
// starts, as Go does at every call. The interpreter gives a call's named results the storage
// of the caller's result slot, which keeps the previous call's values: in a loop, `a++` in
// `func count() (a int)` went on counting from the last call's result.
//
//	func count(n int) (a, b int) { … }   becomes   func count(n int) (a, b int) { var __cl_z0 int; a = __cl_z0; var __cl_z27 int; b = __cl_z27; … }
//
// (a variable of the type, not *new(T): a parameter may be called new; one assignment each, as
// yaegi may leave b unset in a, b = x, y).
// The types are written as the results declare them, with edits, the unit's other lowerings,
// applied; a type that spans lines leaves its function as it is.
func namedResults(u *Unit, edits []Edit) []Edit {
	var out []Edit
	for _, f := range u.Files {
		zero := func(typ *ast.FuncType, body *ast.BlockStmt) {
			if typ.Results == nil || body == nil {
				return
			}
			var b strings.Builder
			for _, field := range typ.Results.List {
				t, ok := editedText(u, edits, field.Type)
				if !ok {
					return
				}
				for _, name := range field.Names {
					if name.Name != "_" {
						fmt.Fprintf(&b, " var __cl_z%d %s; %s = __cl_z%d;", b.Len(), t, name.Name, b.Len())
					}
				}
			}
			if b.Len() > 0 {
				out = append(out, Edit{Pos: body.Lbrace + 1, End: body.Lbrace + 1, Text: b.String()})
			}
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncDecl:
				if generic(n) {
					return false
				}
				zero(n.Type, n.Body)
			case *ast.FuncLit:
				zero(n.Type, n.Body)
			}
			return true
		})
	}
	return out
}
