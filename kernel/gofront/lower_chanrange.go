package gofront

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"
)

// chanRanges lowers the range loops over a slice, array or map of channels that have a value
// variable: the interpreter takes such a loop for a range over a channel and panics
// ("reflect: call of reflect.Value.Len on int Value"). The loop ranges over the keys only and
// reads each value itself, from a copy of the ranged value evaluated once, on the same lines:
//
//	for i, c := range chans { … }   becomes   { __cl_cr := chans; for __cl_ck := range __cl_cr { i, c := __cl_ck, __cl_cr[__cl_ck]; _, _ = i, c; … } }
//
// The copy is what Go ranges over too (an array is copied, a slice or map shares its
// elements), and the variables stay the loop's own, one per iteration.
func chanRanges(u *Unit) []Edit {
	var edits []Edit
	for _, f := range u.Files {
		ast.PreorderStack(f, nil, func(n ast.Node, stack []ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncDecl:
				return !generic(n)
			case *ast.RangeStmt:
				if chanValues(u.Info, n) {
					edits = append(edits, chanRangeEdits(u, n, labels(stack))...)
				}
			}
			return true
		})
	}
	return edits
}

// chanValues reports whether loop ranges over a slice, array, pointer to array or map whose
// elements are channels, with a value variable.
func chanValues(info *types.Info, loop *ast.RangeStmt) bool {
	if loop.Value == nil {
		return false
	}
	t := info.TypeOf(loop.X)
	if t == nil {
		return false
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	var elem types.Type
	switch t := t.Underlying().(type) {
	case *types.Slice:
		elem = t.Elem()
	case *types.Array:
		elem = t.Elem()
	case *types.Map:
		elem = t.Elem()
	default:
		return false
	}
	_, isChan := elem.Underlying().(*types.Chan)
	return isChan
}

// labels returns the labelled statements that name loop, the last node of stack.
func labels(stack []ast.Node) []*ast.LabeledStmt {
	var ls []*ast.LabeledStmt
	for i := len(stack) - 1; i >= 0; i-- {
		l, ok := stack[i].(*ast.LabeledStmt)
		if !ok {
			break
		}
		ls = append(ls, l)
	}
	return ls
}

// chanRangeEdits are chanRanges' edits of loop, named by the labels ls. The ranged
// expression stays where it was, so that the edits inside it still apply; the labels move
// after the copy, onto the loop.
func chanRangeEdits(u *Unit, loop *ast.RangeStmt, ls []*ast.LabeledStmt) []Edit {
	id := int(loop.For)
	x, k := fmt.Sprintf("__cl_cr%d", id), fmt.Sprintf("__cl_ck%d", id)
	var lhs, rhs []string
	if loop.Key != nil && !isBlank(loop.Key) {
		lhs, rhs = append(lhs, types.ExprString(loop.Key)), append(rhs, k)
	}
	if !isBlank(loop.Value) {
		lhs, rhs = append(lhs, types.ExprString(loop.Value)), append(rhs, x+"["+k+"]")
	}
	assign := ""
	if len(lhs) > 0 {
		assign = fmt.Sprintf(" %s %s %s;", strings.Join(lhs, ", "), loop.Tok, strings.Join(rhs, ", "))
		if loop.Tok == token.DEFINE {
			assign += fmt.Sprintf(" %s = %s;", strings.TrimSuffix(strings.Repeat("_, ", len(lhs)), ", "), strings.Join(lhs, ", "))
		}
	}
	var edits []Edit
	var names strings.Builder
	for _, l := range slices.Backward(ls) {
		edits = append(edits, Edit{Pos: l.Pos(), End: l.Colon + 1})
		names.WriteString(l.Label.Name + ": ")
	}
	return append(edits,
		keepLines(u, loop.For, loop.X.Pos(), "{ "+x+" := "),
		keepLines(u, loop.X.End(), loop.Body.Lbrace+1, "; "+names.String()+"for "+k+" := range "+x+" {"+assign),
		Edit{Pos: loop.Body.Rbrace + 1, End: loop.Body.Rbrace + 1, Text: " }"})
}

// keepLines replaces the source from pos to end by text and the line breaks it replaces.
func keepLines(u *Unit, pos, end token.Pos, text string) Edit {
	breaks := u.Fset.PositionFor(end, false).Line - u.Fset.PositionFor(pos, false).Line
	return Edit{Pos: pos, End: end, Text: text + strings.Repeat("\n", breaks)}
}

// isBlank reports whether x is the blank identifier.
func isBlank(x ast.Expr) bool {
	id, ok := x.(*ast.Ident)
	return ok && id.Name == "_"
}
