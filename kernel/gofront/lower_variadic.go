package gofront

import (
	"go/ast"
	"go/types"
)

// variadicSlices passes the variadic arguments of a call of a cell's function whose
// variadic parameter is of an interface type as the slice that Go makes of them, when one
// of them is itself a slice of that parameter's type:
//
//	count(xs)   becomes   count([]any{xs}...)
//
// for func count(xs ...any). The interpreter passes such a slice as the list itself, as if
// it were written count(xs...), and drops the arguments after it.
func variadicSlices(u *Unit) []Edit {
	var edits []Edit
	for _, f := range u.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || call.Ellipsis.IsValid() || libraryFunc(u, call.Fun) {
				return true
			}
			if tv, ok := u.Info.Types[call.Fun]; !ok || tv.IsType() || tv.IsBuiltin() {
				return true
			}
			sig, ok := u.Info.TypeOf(call.Fun).Underlying().(*types.Signature)
			if !ok || !sig.Variadic() || len(call.Args) < sig.Params().Len() {
				return true
			}
			list := sig.Params().At(sig.Params().Len() - 1).Type().(*types.Slice)
			if !types.IsInterface(list.Elem()) {
				return true
			}
			rest := call.Args[sig.Params().Len()-1:]
			for _, arg := range rest {
				tv := u.Info.Types[arg]
				if _, slice := tv.Type.Underlying().(*types.Slice); slice && !tv.IsNil() && types.AssignableTo(tv.Type, list) {
					edits = append(edits,
						Edit{Pos: rest[0].Pos(), End: rest[0].Pos(), Text: u.TypeString(list) + "{"},
						Edit{Pos: rest[len(rest)-1].End(), End: rest[len(rest)-1].End(), Text: "}..."})
					break
				}
			}
			return true
		})
	}
	return edits
}

// libraryFunc reports whether fun names a function or method of another package than the
// unit's: compiled code, which receives its arguments as Go passes them.
func libraryFunc(u *Unit, fun ast.Expr) bool {
	var obj types.Object
	switch fun := ast.Unparen(fun).(type) {
	case *ast.Ident:
		obj = u.Info.Uses[fun]
	case *ast.SelectorExpr:
		obj = u.Info.Uses[fun.Sel]
	}
	f, ok := obj.(*types.Func)
	return ok && f.Pkg() != nil && f.Pkg() != u.Pkg
}
