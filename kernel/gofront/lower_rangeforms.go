package gofront

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
)

// rangeForms lowers three forms of range loop over a slice, array, pointer to array, string,
// map or channel that the interpreter runs wrongly. A loop that assigns its iteration values
// to existing variables never assigns them in the interpreter; it defines variables of its
// own that the body assigns first:
//
//	for i, v = range s {   becomes   for __cl_rk, __cl_rv := range s { i, v = __cl_rk, __cl_rv;
//
// A range over a pointer to an array makes the interpreter's pointer an array (every later
// a[i] panics); it ranges over the array's slice instead, or, with no value variable and no
// call to evaluate, over an array of the same length of empty values, as Go ranges without
// evaluating the pointer:
//
//	for i := range a {   becomes   for i := range [3]struct{}{} {
//
// A range over a string with a key and no value gives the runes' ordinals as keys in the
// interpreter, not their byte offsets: it gets a blank value variable, for i, _ := range s.
//
// Ranges over integers and functions are rangeLoops', ranges with channel values chanRanges'.
func rangeForms(u *Unit) []Edit {
	var edits []Edit
	for _, f := range u.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncDecl:
				return !generic(n)
			case *ast.RangeStmt:
				t := u.Info.TypeOf(n.X)
				if t == nil || yieldOf(t) != nil || rangedInt(u.Info, n) != nil || chanValues(u.Info, n) {
					return true
				}
				edits = append(edits, arrayPointerRange(u, n, t)...)
				if b, ok := t.Underlying().(*types.Basic); ok && b.Info()&types.IsString != 0 && n.Key != nil && n.Value == nil {
					edits = append(edits, Edit{Pos: n.Key.End(), End: n.Key.End(), Text: ", _"})
				}
				if n.Tok == token.ASSIGN {
					edits = append(edits, rangeAssign(n)...)
				}
			}
			return true
		})
	}
	return edits
}

// arrayPointerRange lowers loop when t, the type of what it ranges over, is a pointer to an
// array.
func arrayPointerRange(u *Unit, loop *ast.RangeStmt, t types.Type) []Edit {
	p, ok := t.Underlying().(*types.Pointer)
	if !ok {
		return nil
	}
	arr, ok := p.Elem().Underlying().(*types.Array)
	if !ok {
		return nil
	}
	if loop.Value == nil && !hasCall(u, loop.X) {
		return []Edit{{Pos: loop.X.Pos(), End: loop.X.End(), Text: fmt.Sprintf("[%d]struct{}{}", arr.Len())}}
	}
	switch loop.X.(type) {
	case *ast.Ident, *ast.SelectorExpr, *ast.CallExpr, *ast.IndexExpr, *ast.ParenExpr:
		return []Edit{{Pos: loop.X.End(), End: loop.X.End(), Text: "[:]"}}
	}
	return []Edit{{Pos: loop.X.Pos(), End: loop.X.Pos(), Text: "("}, {Pos: loop.X.End(), End: loop.X.End(), Text: ")[:]"}}
}

// rangeAssign lowers loop, a range loop that assigns its key and value to existing variables.
func rangeAssign(loop *ast.RangeStmt) []Edit {
	var edits []Edit
	var lhs, rhs string
	for _, x := range []struct {
		e    ast.Expr
		temp string
	}{{loop.Key, "__cl_rk"}, {loop.Value, "__cl_rv"}} {
		if x.e == nil || isBlank(x.e) {
			continue
		}
		if hasFuncLit(x.e) {
			return nil // types.ExprString would not write it whole
		}
		if lhs != "" {
			lhs, rhs = lhs+", ", rhs+", "
		}
		lhs, rhs = lhs+types.ExprString(x.e), rhs+x.temp
		edits = append(edits, Edit{Pos: x.e.Pos(), End: x.e.End(), Text: x.temp})
	}
	if lhs == "" {
		return nil
	}
	return append(edits,
		Edit{Pos: loop.TokPos, End: loop.TokPos + token.Pos(len("=")), Text: ":="},
		Edit{Pos: loop.Body.Lbrace + 1, End: loop.Body.Lbrace + 1, Text: " " + lhs + " = " + rhs + ";"})
}

// hasCall reports whether e calls a function (not a conversion nor a built-in of constant
// result) or receives from a channel: Go evaluates such a range expression.
func hasCall(u *Unit, e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			if tv := u.Info.Types[n.Fun]; !tv.IsType() && u.Info.Types[n].Value == nil {
				found = true
			}
		case *ast.UnaryExpr:
			found = found || n.Op == token.ARROW
		}
		return !found
	})
	return found
}

// hasFuncLit reports whether e holds a function literal.
func hasFuncLit(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		_, lit := n.(*ast.FuncLit)
		found = found || lit
		return !found
	})
	return found
}
