package gofront

import (
	"go/ast"
	"go/types"
)

// CellDefers is the variable of the interpreter's session that holds the calls deferred at
// the top level of the running cell; the evaluator declares it and runs its calls, last
// first, when the cell's statements end, as a Go program runs main's deferred calls.
const CellDefers = "__cl_defers"

// cellDefers lowers the defer statements of the cell's own code, at its top level or in its
// blocks and loops but not in its function literals: the interpreter would run them after
// every later cell, or when the block that the lowering wraps ends. `defer f(a, b)` becomes,
// on the same line,
//
//	__cl_defers = append(__cl_defers, func(__cl_f F, __cl_a0 A, __cl_a1 B) func() { return func() { __cl_f(__cl_a0, __cl_a1) } }(f, a, b))
//
// so that the function value and the arguments are evaluated at the defer statement, as Go
// evaluates them, and a deferred closure in a loop keeps the iteration's variables.
func cellDefers(ck *Checked) []Edit {
	var edits []Edit
	for _, d := range cellLevelDefers(ck.Info, ck.cellFn) {
		edits = append(edits, bindDeferred(ck.Unit, d.stmt, CellDefers+" = append("+CellDefers+", ", ")", d.perIter)...)
	}
	return edits
}

// cellDefer is a defer statement of the cell's own code and the loop variables around it.
type cellDefer struct {
	stmt    *ast.DeferStmt
	perIter map[types.Object]bool
}

// cellLevelDefers returns the defer statements of fn, the cell's function (or nil), outside
// its function literals: the calls that Go's main would defer.
func cellLevelDefers(info *types.Info, fn *ast.FuncDecl) []cellDefer {
	if fn == nil {
		return nil
	}
	var defers []cellDefer
	ast.PreorderStack(fn.Body, nil, func(n ast.Node, stack []ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.DeferStmt:
			defers = append(defers, cellDefer{n, loopVars(info, stack)})
		}
		return true
	})
	return defers
}

// paramType is the type of the parameter that a call's i-th argument is passed to; for the
// variadic parameter, the element type, or the slice itself when the call spreads one (f(xs...)).
func paramType(sig *types.Signature, i int, spread bool) types.Type {
	params := sig.Params()
	if sig.Variadic() && i >= params.Len()-1 {
		last := params.At(params.Len() - 1).Type()
		if spread {
			return last
		}
		return last.(*types.Slice).Elem()
	}
	return params.At(i).Type()
}

// isBuiltin reports whether fun names a built-in function (close, panic, print, …).
func isBuiltin(info *types.Info, fun ast.Expr) bool {
	id, ok := ast.Unparen(fun).(*ast.Ident)
	if !ok {
		return false
	}
	_, ok = info.Uses[id].(*types.Builtin)
	return ok
}
