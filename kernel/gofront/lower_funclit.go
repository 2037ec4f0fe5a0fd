package gofront

import (
	"go/ast"
)

// funcLits makes each function literal that may run on another goroutine than the one that
// wrote it a literal of its own frame. The interpreter keeps a literal's closure in a slot of
// the frame that evaluates it and, when a call of the closure returns, writes the slot's
// earlier value back, without a lock: a goroutine that ends while its parent evaluates the
// same literal again can make the parent start the previous closure a second time (and the
// new one never), in a loop of `go func() { … }()` or `wg.Go(func() { … })`. Inside a
// function literal of its own, called at once, the slot is that call's:
//
//	wg.Go(func() { … })   becomes   wg.Go(func() func() { return func() { … } }())
//
// A literal called where it is written (func() { … }(), defer func() { … }()) returns before
// its frame is used again, and stays as it is.
//
// The wrapper writes the literal's type as the literal does, with edits, the unit's other
// lowerings, applied (a local type may have been renamed); a type that spans lines stays
// unwrapped.
func funcLits(u *Unit, edits []Edit) []Edit {
	var out []Edit
	for _, f := range u.Files {
		ast.PreorderStack(f, nil, func(n ast.Node, stack []ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncDecl:
				return !generic(n)
			case *ast.FuncLit:
				if calledInPlace(n, stack) {
					return true
				}
				t, ok := editedText(u, edits, n.Type)
				if !ok {
					return true
				}
				out = append(out,
					Edit{Pos: n.Pos(), End: n.Pos(), Text: "func() " + t + " { return "},
					Edit{Pos: n.End(), End: n.End(), Text: " }()"})
			}
			return true
		})
	}
	return out
}

// calledInPlace reports whether lit, the node after stack, is called where it is written, on
// the goroutine that evaluates it.
func calledInPlace(lit *ast.FuncLit, stack []ast.Node) bool {
	i := len(stack) - 1
	for i >= 0 {
		if _, paren := stack[i].(*ast.ParenExpr); !paren {
			break
		}
		i--
	}
	if i < 0 {
		return false
	}
	call, ok := stack[i].(*ast.CallExpr)
	if !ok || ast.Unparen(call.Fun) != ast.Expr(lit) {
		return false
	}
	if i == 0 {
		return true
	}
	_, async := stack[i-1].(*ast.GoStmt)
	return !async
}
