package gofront

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// CellDefers is the variable of the interpreter's session that holds the calls deferred at
// the top level of the running cell; the evaluator declares it and runs its calls, last
// first, when the cell's statements end, as a Go program runs main's deferred calls.
const CellDefers = "__cl_defers"

// cellDefers lowers the defer statements at the top level of the cell: the interpreter would
// run them after every later cell. `defer f(a, b)` becomes, on the same line,
//
//	__cl_defers = append(__cl_defers, func(__cl_f F, __cl_a0 A, __cl_a1 B) func() { return func() { __cl_f(__cl_a0, __cl_a1) } }(f, a, b))
//
// so that the function value and the arguments are evaluated at the defer statement, as Go
// evaluates them.
func cellDefers(ck *Checked) []Edit {
	if ck.cellFn == nil {
		return nil
	}
	var edits []Edit
	for _, st := range ck.cellFn.Body.List {
		if d, ok := st.(*ast.DeferStmt); ok {
			edits = append(edits, deferEdits(ck.Unit, d)...)
		}
	}
	return edits
}

// deferEdits rewrites one top-level defer statement; see cellDefers.
func deferEdits(u *Unit, d *ast.DeferStmt) []Edit {
	call := d.Call
	var params, args []string
	builtin := isBuiltin(u.Info, call.Fun)
	callee := "__cl_f"
	if builtin {
		callee = types.ExprString(call.Fun)
	} else {
		params = append(params, "__cl_f "+u.TypeString(u.Info.TypeOf(call.Fun)))
	}
	sig, _ := u.Info.TypeOf(call.Fun).Underlying().(*types.Signature)
	for i, a := range call.Args {
		name := fmt.Sprintf("__cl_a%d", i)
		typ := u.Info.TypeOf(a)
		if sig != nil && !builtin {
			typ = paramType(sig, i, call.Ellipsis.IsValid())
		}
		if b, ok := typ.(*types.Basic); ok && b.Info()&types.IsUntyped != 0 {
			typ = types.Default(typ)
		}
		params = append(params, name+" "+u.TypeString(typ))
		args = append(args, name)
	}
	inner := callee + "(" + strings.Join(args, ", ")
	if call.Ellipsis.IsValid() {
		inner += "..."
	}
	inner += ")"
	binder := fmt.Sprintf("%s = append(%s, func(%s) func() { return func() { %s } }(", CellDefers, CellDefers, strings.Join(params, ", "), inner)
	edits := []Edit{{Pos: d.Defer, End: call.Fun.Pos(), Text: binder}}
	lparen := ""
	if builtin {
		edits[0].End = call.Fun.End() // the binder calls the built-in by name
	} else if len(call.Args) > 0 {
		lparen = ", "
	}
	edits = append(edits, Edit{Pos: call.Lparen, End: call.Lparen + 1, Text: lparen})
	if call.Ellipsis.IsValid() {
		edits = append(edits, Edit{Pos: call.Ellipsis, End: call.Ellipsis + token.Pos(len("...")), Text: ""})
	}
	edits = append(edits, Edit{Pos: call.Rparen, End: call.Rparen + 1, Text: "))"})
	return edits
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
