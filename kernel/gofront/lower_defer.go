package gofront

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"
)

// funcDefers lowers the defer statements of functions whose call the interpreter would get
// wrong: it evaluates a deferred call's arguments when the call runs, not at the defer
// statement, and a deferred closure sees the last value of a loop's per-iteration variables.
// Such a statement binds the function value and arguments at once into a func() that it
// defers, on the same line:
//
//	defer f(a, b)   becomes   { __cl_d := func(__cl_f F, __cl_a0 A, __cl_a1 B) func() { … }(f, a, b); defer __cl_d() }
//
// A function literal in the call is evaluated in a function of its own, which copies the
// loop variables it uses: func() F { i := i; _ = i; return func() { … } }(). A deferred
// literal that calls recover is left as it is, since recover works only in the deferred
// function itself; so are calls whose arguments are constants, as there is nothing to bind.
// The defers of the cell's own code are cellDefers'.
func funcDefers(u *Unit) []Edit {
	var edits []Edit
	for _, f := range u.Files {
		cellLevel := cellLevelDefers(u.Info, cellFuncOf(f))
		ast.PreorderStack(f, nil, func(n ast.Node, stack []ast.Node) bool {
			d, ok := n.(*ast.DeferStmt)
			if !ok || slices.ContainsFunc(cellLevel, func(c cellDefer) bool { return c.stmt == d }) {
				return true
			}
			perIter := loopVars(u.Info, stack)
			if !needsBinding(u, d.Call, perIter) {
				return true
			}
			if lit, ok := ast.Unparen(d.Call.Fun).(*ast.FuncLit); ok && callsRecover(u.Info, lit) {
				return true
			}
			edits = append(edits, bindDeferred(u, d, "{ __cl_d := ", "; defer __cl_d() }", perIter)...)
			return true
		})
	}
	return edits
}

// loopVars returns the variables of the loops around the end of stack, up to the function
// that holds them: the variables each iteration has its own of.
func loopVars(info *types.Info, stack []ast.Node) map[types.Object]bool {
	vars := map[types.Object]bool{}
	for _, n := range slices.Backward(stack) {
		switch n := n.(type) {
		case *ast.FuncLit, *ast.FuncDecl:
			return vars
		case *ast.ForStmt:
			if init, ok := n.Init.(*ast.AssignStmt); ok && init.Tok == token.DEFINE {
				for _, x := range init.Lhs {
					addDef(info, vars, x)
				}
			}
		case *ast.RangeStmt:
			if n.Tok == token.DEFINE {
				addDef(info, vars, n.Key)
				addDef(info, vars, n.Value)
			}
		}
	}
	return vars
}

// addDef adds the variable that x, an identifier, defines.
func addDef(info *types.Info, vars map[types.Object]bool, x ast.Expr) {
	if id, ok := x.(*ast.Ident); ok && info.Defs[id] != nil {
		vars[info.Defs[id]] = true
	}
}

// needsBinding reports whether a deferred call has an argument that is not a constant, or a
// function literal that uses one of the loop variables perIter.
func needsBinding(u *Unit, call *ast.CallExpr, perIter map[types.Object]bool) bool {
	for _, a := range call.Args {
		if u.Info.Types[a].Value == nil {
			return true
		}
	}
	lit, ok := ast.Unparen(call.Fun).(*ast.FuncLit)
	return ok && len(usedLoopVars(u.Info, lit, perIter)) > 0
}

// usedLoopVars lists the names of the variables of perIter that lit uses, in order of use.
func usedLoopVars(info *types.Info, lit *ast.FuncLit, perIter map[types.Object]bool) []string {
	var names []string
	ast.Inspect(lit.Body, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && perIter[info.Uses[id]] && !slices.Contains(names, id.Name) {
			names = append(names, id.Name)
		}
		return true
	})
	return names
}

// callsRecover reports whether lit calls recover itself (not in a literal inside it).
func callsRecover(info *types.Info, lit *ast.FuncLit) bool {
	found := false
	ast.Inspect(lit.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			found = found || isBuiltinNamed(info, n.Fun, "recover")
		}
		return !found
	})
	return found
}

// bindDeferred rewrites the defer statement d into a binder of its call, open written before
// it and close after it:
//
//	open func(__cl_f F, __cl_a0 A, __cl_a1 B) func() { return func() { __cl_f(__cl_a0, __cl_a1) } }(f, a, b) close
//
// so that the function value and the arguments are evaluated at the defer statement, as Go
// evaluates them. A built-in is called by name; function literals are evaluated in a
// function of their own that copies the variables of perIter they use (see funcDefers).
func bindDeferred(u *Unit, d *ast.DeferStmt, open, close string, perIter map[types.Object]bool) []Edit {
	call := d.Call
	var params, args []string
	builtin := isBuiltin(u.Info, call.Fun)
	callee := "__cl_f"
	if builtin {
		callee = types.ExprString(call.Fun)
		if text, ok := builtinFunc(u, call); ok {
			callee = text
		}
	} else {
		params = append(params, "__cl_f "+u.TypeString(u.Info.TypeOf(call.Fun)))
	}
	sig, _ := u.Info.TypeOf(call.Fun).Underlying().(*types.Signature)
	var edits []Edit
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
		edits = append(edits, ownFunction(u, a, perIter)...)
	}
	inner := callee + "(" + strings.Join(args, ", ")
	if call.Ellipsis.IsValid() {
		inner += "..."
	}
	inner += ")"
	binder := fmt.Sprintf("%sfunc(%s) func() { return func() { %s } }(", open, strings.Join(params, ", "), inner)
	edits = append(edits, Edit{Pos: d.Defer, End: call.Fun.Pos(), Text: binder})
	lparen := ""
	if builtin {
		edits[len(edits)-1].End = call.Fun.End() // the binder calls the built-in by name
	} else {
		edits = append(edits, ownFunction(u, call.Fun, perIter)...)
		if len(call.Args) > 0 {
			lparen = ", "
		}
	}
	edits = append(edits, Edit{Pos: call.Lparen, End: call.Lparen + 1, Text: lparen})
	if call.Ellipsis.IsValid() {
		edits = append(edits, Edit{Pos: call.Ellipsis, End: call.Ellipsis + token.Pos(len("...")), Text: ""})
	}
	return append(edits, Edit{Pos: call.Rparen, End: call.Rparen + 1, Text: ")" + close})
}

// ownFunction evaluates x, when it is a function literal, in a function of its own that
// copies the variables of perIter it uses: the interpreter would otherwise tie the literal to
// the frame of the function that defers it, whose deferred calls then deadlock calling it.
func ownFunction(u *Unit, x ast.Expr, perIter map[types.Object]bool) []Edit {
	lit, ok := ast.Unparen(x).(*ast.FuncLit)
	if !ok {
		return nil
	}
	copies := ""
	if names := usedLoopVars(u.Info, lit, perIter); len(names) > 0 {
		blanks := strings.TrimSuffix(strings.Repeat("_, ", len(names)), ", ")
		list := strings.Join(names, ", ")
		copies = fmt.Sprintf("%s := %s; %s = %s; ", list, list, blanks, list)
	}
	return []Edit{
		{Pos: x.Pos(), End: x.Pos(), Text: fmt.Sprintf("func() %s { %sreturn ", u.TypeString(u.Info.TypeOf(lit)), copies)},
		{Pos: x.End(), End: x.End(), Text: " }()"},
	}
}
