package gofront

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"
)

// Recovered is the host function that turns what recover returns into what Go's recover
// returns: the interpreter's run-time panics are the panics of the reflect calls it makes
// ("reflect: slice index out of range"), Go's are runtime.Errors in Go's words ("runtime
// error: index out of range [5] with length 3"). The evaluator provides it, as
// __rt.Recovered(value any, bounds func() []int) any; bounds, which may be nil, returns the
// index and the length of each index expression that the deferred function can see.
const Recovered = "__rt.Recovered"

// recoverCalls wraps each call of recover, `recover()` becoming
// `__rt.Recovered(recover(), func() []int { return []int{int(i), len(xs)} })`: the index
// expressions xs[i] of the function that defers the call, whose operands the deferred
// function sees as the same variables, give the values of Go's message.
func recoverCalls(u *Unit) []Edit {
	var edits []Edit
	for _, f := range u.Files {
		ast.PreorderStack(f, nil, func(n ast.Node, stack []ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || !isBuiltinNamed(u.Info, call.Fun, "recover") {
				return true
			}
			switch stack[len(stack)-1].(type) {
			case *ast.DeferStmt, *ast.GoStmt:
				return true // recover is the deferred function: it returns nil, and so does Recovered
			}
			bounds := "nil"
			if pairs := visibleIndexes(u, call.Pos(), deferringBody(stack)); len(pairs) > 0 {
				bounds = "func() []int { return []int{" + strings.Join(pairs, ", ") + "} }"
			}
			edits = append(edits,
				Edit{Pos: call.Pos(), End: call.Pos(), Text: Recovered + "("},
				Edit{Pos: call.End(), End: call.End(), Text: ", " + bounds + ")"})
			return true
		})
	}
	return edits
}

// deferringBody returns the body of the function that defers the function literal around the
// end of stack (the ancestors of a recover call), or nil when recover is not called by a
// deferred function literal.
func deferringBody(stack []ast.Node) *ast.BlockStmt {
	i := len(stack) - 1
	for i >= 0 {
		if _, ok := stack[i].(*ast.FuncLit); ok {
			break
		}
		i--
	}
	if i < 2 {
		return nil
	}
	if d, ok := stack[i-2].(*ast.DeferStmt); !ok || d.Call.Fun != stack[i] {
		return nil
	}
	for _, n := range slices.Backward(stack[:i-2]) {
		switch fn := n.(type) {
		case *ast.FuncLit:
			return fn.Body
		case *ast.FuncDecl:
			return fn.Body
		}
	}
	return nil
}

// visibleIndexes returns "i, len(xs)" for each index expression xs[i] of body on a slice,
// array or string whose operands are variables (or an integer literal index) that the code at
// pos sees as the same ones, so that evaluating them there has no effect.
func visibleIndexes(u *Unit, pos token.Pos, body *ast.BlockStmt) []string {
	if body == nil {
		return nil
	}
	scope := u.Pkg.Scope().Innermost(pos)
	if scope == nil {
		return nil
	}
	seen := map[string]bool{}
	var pairs []string
	ast.Inspect(body, func(n ast.Node) bool {
		ix, ok := n.(*ast.IndexExpr)
		if !ok || !indexable(u.Info.TypeOf(ix.X)) || !intTyped(u.Info.TypeOf(ix.Index)) {
			return true
		}
		x, okX := visibleOperand(u, scope, pos, ix.X)
		i, okI := visibleOperand(u, scope, pos, ix.Index)
		if okX && okI && !seen[i+"\x00"+x] {
			seen[i+"\x00"+x] = true
			pairs = append(pairs, "int("+i+")", "len("+x+")")
		}
		return true
	})
	return pairs
}

// visibleOperand returns the text of e when e is an integer literal, a variable that scope
// finds at pos as the same variable, or a field of a struct variable such (no pointer is
// followed, so evaluating it cannot panic).
func visibleOperand(u *Unit, scope *types.Scope, pos token.Pos, e ast.Expr) (string, bool) {
	switch e := ast.Unparen(e).(type) {
	case *ast.BasicLit:
		return e.Value, e.Kind == token.INT
	case *ast.Ident:
		v, ok := u.Info.Uses[e].(*types.Var)
		if !ok {
			return "", false
		}
		_, found := scope.LookupParent(e.Name, pos)
		return e.Name, found == types.Object(v)
	case *ast.SelectorExpr:
		sel := u.Info.Selections[e]
		if sel == nil || sel.Kind() != types.FieldVal || sel.Indirect() {
			return "", false
		}
		x, ok := visibleOperand(u, scope, pos, e.X)
		return x + "." + e.Sel.Name, ok
	}
	return "", false
}

// indexable reports whether t is a slice, array, pointer to an array or string type.
func indexable(t types.Type) bool {
	if t == nil || isTypeParam(t) {
		return false
	}
	switch t := t.Underlying().(type) {
	case *types.Slice, *types.Array:
		return true
	case *types.Pointer:
		_, ok := t.Elem().Underlying().(*types.Array)
		return ok
	case *types.Basic:
		return t.Info()&types.IsString != 0
	}
	return false
}

// intTyped reports whether t is an integer type.
func intTyped(t types.Type) bool {
	if t == nil {
		return false
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsInteger != 0
}
