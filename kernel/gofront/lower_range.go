package gofront

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"maps"
	"slices"
	"strings"
)

// rangeLoops lowers Go 1.22's range over integers and Go 1.23's range over functions, which
// the interpreter does not run. A range over an int keeps its key and ranges over a slice of
// empty structs instead, so that the evaluator's per-iteration loop variables apply as to any
// range loop:
//
//	for i := range n {   becomes   for i := range make([]struct{}, func(__cl_n int) int { … }(n)) {
//
// A range over a function becomes a call of the function with a yield closure that holds the
// body; break, continue and return (and labelled ones that leave the loop) become returns of
// the closure, with a code that the statement after the call acts on:
//
//	for x := range seq { … }   becomes   { seq(func(x T) bool { …; return true }); … }
//
// A range over an integer of another type (int64, a named type), or one that assigns its key
// to a variable declared before (for j = range n), is lowered as a range over the function
// that yields 0 to n-1 of that type.
func rangeLoops(u *Unit) []Edit {
	edits, _ := lowerRanges(u)
	return edits
}

// rangeErrors reports, in Go's terms, the range loops over functions that the lowering
// cannot run as Go does.
func rangeErrors(u *Unit) error {
	if _, errs := lowerRanges(u); len(errs) > 0 {
		return errs[0]
	}
	return nil
}

// lowerRanges returns the edits of rangeLoops and the errors of rangeErrors.
func lowerRanges(u *Unit) ([]Edit, []Error) {
	l := &rangeLowering{u: u}
	for _, f := range u.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncDecl:
				if n.Body != nil && !generic(n) {
					l.function(n.Body, u.Info.Defs[n.Name].Type().(*types.Signature))
				}
				return n.Body != nil && !generic(n)
			case *ast.FuncLit:
				if sig, ok := u.Info.TypeOf(n).(*types.Signature); ok {
					l.function(n.Body, sig)
				}
			case *ast.RangeStmt:
				l.intRange(n)
			}
			return true
		})
	}
	return l.edits, l.errs
}

// rangeLowering collects the edits and errors of lowerRanges.
type rangeLowering struct {
	u     *Unit
	edits []Edit
	errs  []Error
}

// funcRanges is what the range-over-function loops of one function share: its signature,
// the codes of the statements that leave a loop, and its labelled statements.
type funcRanges struct {
	sig    *types.Signature
	codes  map[string]int
	labels map[types.Object]ast.Stmt
	retID  int // the id of the outermost loop around the return being lowered
}

// rangeFunc is a range-over-function loop being lowered.
type rangeFunc struct {
	stmt  *ast.RangeStmt
	id    int
	exits map[int]string // code → what the statement after the call runs
	temps bool           // the loop, outermost, holds the results of a return inside it
}

// edit records the replacement of the source from pos to end by text, with the line breaks
// it replaces, so that every line stays where it was.
func (l *rangeLowering) edit(pos, end token.Pos, text string) {
	l.edits = append(l.edits, keepLines(l.u, pos, end, text))
}

// errorAt records an error at pos.
func (l *rangeLowering) errorAt(pos token.Pos, format string, args ...any) {
	p := l.u.Fset.Position(pos)
	l.errs = append(l.errs, Error{Line: p.Line, Col: p.Column, Msg: fmt.Sprintf(format, args...)})
}

// yieldOf returns the yield function's signature of a range over a function of type t.
func yieldOf(t types.Type) *types.Signature {
	sig, ok := t.Underlying().(*types.Signature)
	if !ok || sig.Params().Len() != 1 {
		return nil
	}
	yield, _ := sig.Params().At(0).Type().Underlying().(*types.Signature)
	return yield
}

// rangedInt returns the integer type that loop ranges over, or nil.
func rangedInt(info *types.Info, loop *ast.RangeStmt) *types.Basic {
	t := info.TypeOf(loop.X)
	if t == nil {
		return nil
	}
	b, ok := t.Underlying().(*types.Basic)
	if !ok || b.Info()&types.IsInteger == 0 {
		return nil
	}
	return b
}

// intRange lowers a range over an int.
func (l *rangeLowering) intRange(loop *ast.RangeStmt) {
	b := rangedInt(l.u.Info, loop)
	if b == nil || loop.Tok == token.ASSIGN || !(b.Kind() == types.Int || b.Kind() == types.UntypedInt || b.Kind() == types.UntypedRune) || types.Unalias(l.u.Info.TypeOf(loop.X)) != b {
		return
	}
	if tv := l.u.Info.Types[loop.X]; tv.Value != nil && tv.Value.String()[0] != '-' {
		l.edits = append(l.edits, Edit{Pos: loop.X.Pos(), End: loop.X.Pos(), Text: "make([]struct{}, "},
			Edit{Pos: loop.X.End(), End: loop.X.End(), Text: ")"})
		return
	}
	l.edits = append(l.edits,
		Edit{Pos: loop.X.Pos(), End: loop.X.Pos(), Text: "make([]struct{}, func(__cl_n int) int { if __cl_n < 0 { return 0 }; return __cl_n }("},
		Edit{Pos: loop.X.End(), End: loop.X.End(), Text: "))"})
}

// isFuncRange reports whether loop is lowered as a range over a function: one over a
// function, or over an integer that is not an int.
func (l *rangeLowering) isFuncRange(loop *ast.RangeStmt) bool {
	if t := l.u.Info.TypeOf(loop.X); t != nil && yieldOf(t) != nil {
		return true
	}
	b := rangedInt(l.u.Info, loop)
	return b != nil && loop.Tok == token.ASSIGN || // the interpreter does not assign a range's key to a variable
		b != nil && b.Kind() != types.Int && b.Kind() != types.UntypedInt && b.Kind() != types.UntypedRune ||
		b != nil && types.Unalias(l.u.Info.TypeOf(loop.X)) != b
}

// function lowers the range-over-function loops of one function body (not those of the
// function literals inside it, which are functions of their own).
func (l *rangeLowering) function(body *ast.BlockStmt, sig *types.Signature) {
	fr := &funcRanges{sig: sig, codes: map[string]int{}, labels: map[types.Object]ast.Stmt{}}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.LabeledStmt:
			fr.labels[l.u.Info.Defs[n.Label]] = n.Stmt
		}
		return true
	})
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.RangeStmt:
			if l.isFuncRange(n) {
				l.loop(fr, nil, n)
				return false
			}
		}
		return true
	})
}

// loop lowers the range-over-function loop stmt, inside the loops outer of the same function.
func (l *rangeLowering) loop(fr *funcRanges, outer []*rangeFunc, stmt *ast.RangeStmt) {
	r := &rangeFunc{stmt: stmt, id: int(stmt.For), exits: map[int]string{}}
	loops := append(slices.Clip(outer), r)
	ast.PreorderStack(stmt.Body, nil, func(n ast.Node, stack []ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.RangeStmt:
			if l.isFuncRange(n) {
				l.loop(fr, loops, n)
				return false
			}
		case *ast.DeferStmt:
			l.errorAt(n.Defer, "defer in the body of a range over %s: the interpreter runs the body as a function of its own, so the call would run at the end of each iteration instead of the function's; move the loop or the defer into a function of its own", l.rangedWhat(stmt))
		case *ast.BranchStmt:
			l.branch(fr, loops, n, stack)
		case *ast.ReturnStmt:
			l.ret(fr, loops, n)
		}
		return true
	})
	l.loopEdits(fr, r)
}

// rangedWhat says what stmt ranges over, for errors.
func (l *rangeLowering) rangedWhat(stmt *ast.RangeStmt) string {
	t := l.u.Info.TypeOf(stmt.X)
	if yieldOf(t) != nil {
		return "a function"
	}
	return "an integer of type " + l.u.TypeString(t)
}

// branch lowers a break, continue or goto inside the body of the innermost of loops; stack
// holds the nodes from that body down to it.
func (l *rangeLowering) branch(fr *funcRanges, loops []*rangeFunc, b *ast.BranchStmt, stack []ast.Node) {
	r := loops[len(loops)-1]
	var target ast.Stmt
	if b.Label != nil {
		target = fr.labels[l.u.Info.Uses[b.Label]]
	}
	inside := func(s ast.Stmt) bool { return slices.Contains(stack, ast.Node(s)) }
	switch b.Tok {
	case token.GOTO:
		if !inside(target) && !containsNode(r.stmt.Body, target) {
			l.errorAt(b.Pos(), "goto %s leaves the body of a range over %s, which the interpreter runs as a function of its own; use a labelled break or continue, or a flag", b.Label.Name, l.rangedWhat(r.stmt))
		}
		return
	case token.FALLTHROUGH:
		return
	}
	if target == nil {
		for _, n := range slices.Backward(stack) {
			switch n.(type) {
			case *ast.ForStmt, *ast.RangeStmt:
				return // the innermost loop is inside the body
			case *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
				if b.Tok == token.BREAK {
					return
				}
			}
		}
		target = r.stmt
	} else if inside(target) {
		return
	}
	l.edit(b.Pos(), b.End(), l.exit(fr, loops, b.Tok.String(), target, b.Label))
}

// containsNode reports whether n lies inside root.
func containsNode(root ast.Node, n ast.Node) bool {
	return n != nil && root.Pos() <= n.Pos() && n.End() <= root.End()
}

// exit returns the statement that, inside the body of the innermost of loops, leaves it for
// target (a statement of the function) by kind: "break", "continue" or "return".
func (l *rangeLowering) exit(fr *funcRanges, loops []*rangeFunc, kind string, target ast.Stmt, label *ast.Ident) string {
	if len(loops) == 0 {
		switch {
		case kind == "return":
			return "return " + temps(fr.sig, fr.retID)
		case kind == "bare return":
			return "return"
		}
		return kind + " " + label.Name
	}
	r := loops[len(loops)-1]
	if target == r.stmt {
		if kind == "break" {
			return "return false"
		}
		return "return true"
	}
	key := kind
	if label != nil {
		key += " " + label.Name
	}
	code, ok := fr.codes[key]
	if !ok {
		code = len(fr.codes) + 1
		fr.codes[key] = code
	}
	if _, ok := r.exits[code]; !ok {
		r.exits[code] = l.exit(fr, loops[:len(loops)-1], kind, target, label)
	}
	return fmt.Sprintf("{ __cl_ctl%d = %d; return false }", r.id, code)
}

// ret lowers a return statement inside the body of the innermost of loops: its results go
// to variables declared before the outermost loop, which the function then returns.
func (l *rangeLowering) ret(fr *funcRanges, loops []*rangeFunc, ret *ast.ReturnStmt) {
	if len(ret.Results) == 0 {
		l.edit(ret.Pos(), ret.End(), l.exit(fr, loops, "bare return", nil, nil))
		return
	}
	loops[0].temps = true
	fr.retID = loops[0].id
	names := strings.Split(temps(fr.sig, fr.retID), ", ")
	if len(ret.Results) == 1 { // one result, or a call of several
		names = []string{strings.Join(names, ", ")}
	}
	// One assignment a result: the interpreter fails on nil among the values of several.
	l.edit(ret.Return, ret.Results[0].Pos(), "{ "+names[0]+" = ")
	for i := 1; i < len(ret.Results); i++ {
		l.edit(ret.Results[i-1].End(), ret.Results[i].Pos(), "; "+names[i]+" = ")
	}
	l.edit(ret.End(), ret.End(), "; "+l.exit(fr, loops, "return", nil, nil)+" }")
}

// temps lists the variables that hold a function's results while the range loop id returns.
func temps(sig *types.Signature, id int) string {
	names := make([]string, sig.Results().Len())
	for i := range names {
		names[i] = fmt.Sprintf("__cl_r%d_%d", id, i)
	}
	return strings.Join(names, ", ")
}

// loopEdits writes the edits of the loop r itself, once its body's exits are known.
func (l *rangeLowering) loopEdits(fr *funcRanges, r *rangeFunc) {
	stmt := r.stmt
	var pre strings.Builder
	pre.WriteString("{ ")
	if len(r.exits) > 0 {
		fmt.Fprintf(&pre, "var __cl_ctl%d int; ", r.id)
	}
	if r.temps {
		for i := range fr.sig.Results().Len() {
			fmt.Fprintf(&pre, "var __cl_r%d_%d %s; ", r.id, i, l.u.TypeString(fr.sig.Results().At(i).Type()))
		}
	}
	t := l.u.Info.TypeOf(stmt.X)
	yield := yieldOf(t)
	if yield == nil { // an integer of a type other than int
		ts := l.u.TypeString(t)
		fmt.Fprintf(&pre, "func(__cl_n %s) func(func(%s) bool) { return func(yield func(%s) bool) { for i := %s(0); i < __cl_n; i++ { if !yield(i) { return } } } }(", ts, ts, ts, ts)
		yield = types.NewSignatureType(nil, nil, nil, types.NewTuple(types.NewParam(token.NoPos, nil, "", t)), types.NewTuple(types.NewParam(token.NoPos, nil, "", types.Typ[types.Bool])), false)
		l.edit(stmt.X.End(), stmt.X.End(), ")")
	}
	l.edit(stmt.For, stmt.X.Pos(), pre.String())

	var params, assigns []string
	for i, x := range []ast.Expr{stmt.Key, stmt.Value}[:yield.Params().Len()] {
		name := "_"
		id, isIdent := x.(*ast.Ident)
		switch {
		case x == nil:
		case stmt.Tok == token.DEFINE && isIdent:
			name = id.Name
		case isIdent && id.Name != "_":
			name = fmt.Sprintf("__cl_p%d_%d", r.id, i)
			assigns = append(assigns, id.Name+" = "+name+"; ")
		case !isIdent:
			l.errorAt(x.Pos(), "the range over a function assigns to %s, which the interpreter's lowering cannot: assign to a variable and copy it inside the loop", types.ExprString(x))
		}
		params = append(params, name+" "+l.u.TypeString(yield.Params().At(i).Type()))
	}
	l.edit(stmt.X.End(), stmt.Body.Lbrace+1, "(func("+strings.Join(params, ", ")+") bool {"+strings.Join(assigns, ""))

	var post strings.Builder
	for _, code := range slices.Sorted(maps.Keys(r.exits)) {
		fmt.Fprintf(&post, "if __cl_ctl%d == %d { %s }; ", r.id, code, r.exits[code])
	}
	l.edit(stmt.Body.Rbrace, stmt.Body.Rbrace+1, "; return true }); "+post.String()+"}")
}
