package gofront

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"
)

// nestedDefines gives the variables of the blocks among the cell's top-level statements
// their own scope. The interpreter keeps them as globals beside the session's: one of the name
// of a session variable overwrites it (n := 5, then for n := 0; n < 2; n++ {} leaves n at 2),
// one of another type panics, and several other forms fail there. A top-level statement that
// declares variables inside it becomes a function literal called in place, on the same line,
// where the interpreter scopes them as Go does:
//
//	for i := 0; i < 3; i++ { … }   becomes   func() { for i := 0; i < 3; i++ { … } }()
//
// unless it returns, defers (the deferred call would run when the statement ends, not the
// cell) or jumps out of itself, or is the target of a goto.
//
// A statement that stays is lowered as follows. The definitions of several variables from one multi-valued expression
// (x, err := f(), v, ok := m[k], var a, b = f()) in the blocks nested in the cell's top-level
// statements: the interpreter loses those variables there ("undefined: x"), though it keeps
// them in functions. At the cell's top level it keeps those of a call, but fails to compile
// those of a comma-ok form (v, ok := m[k], x.(T) or <-ch), which are lowered too. Each new
// variable is declared on its own and the definition becomes an assignment:
//
//	x, err := f()   becomes   var x int; var err error; x, err = f()
func nestedDefines(u *Unit) []Edit {
	var edits []Edit
	for _, f := range u.Files {
		fn := cellFuncOf(f)
		if fn == nil {
			continue
		}
		edits = append(edits, blockDefines(u, fn.Body.List, commaOk)...)
		edits = append(edits, sessionRedefines(u, fn)...)
		labelled := map[ast.Stmt]bool{}
		targets := gotoTargets(fn.Body)
		for _, st := range fn.Body.List {
			if !isGotoTarget(st, targets) && declaresInside(u, u.Info.Scopes[fn.Type], st) && endsWithin(st) {
				edits = append(edits, Edit{Pos: st.Pos(), End: st.Pos(), Text: "func() { "}, Edit{Pos: st.End(), End: st.End(), Text: " }()"})
				continue
			}
			ast.Inspect(st, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.FuncLit:
					return false
				case *ast.LabeledStmt:
					labelled[n.Stmt] = true
				case *ast.IfStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt:
					if !labelled[n.(ast.Stmt)] {
						edits = append(edits, initDefines(u, n.(ast.Stmt))...)
					}
				case *ast.BlockStmt:
					edits = append(edits, blockDefines(u, n.List, anyValues)...)
				case *ast.CaseClause:
					edits = append(edits, blockDefines(u, n.Body, anyValues)...)
				case *ast.CommClause:
					edits = append(edits, blockDefines(u, n.Body, anyValues)...)
				}
				return true
			})
		}
	}
	return edits
}

// declaresInside reports whether st declares a variable in a scope of its own, inside top,
// outside the function literals in it: by a definition, a var declaration, a range clause or
// a type switch's clause.
func declaresInside(u *Unit, top *types.Scope, st ast.Stmt) bool {
	found := false
	inner := func(obj types.Object) bool {
		v, isVar := obj.(*types.Var)
		return isVar && v.Name() != "_" && v.Parent() != nil && v.Parent() != top
	}
	defined := func(xs ...ast.Expr) {
		for _, x := range xs {
			if id, ok := x.(*ast.Ident); ok {
				found = found || inner(u.Info.Defs[id])
			}
		}
	}
	ast.Inspect(st, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.AssignStmt:
			if n.Tok == token.DEFINE {
				defined(n.Lhs...)
			}
		case *ast.ValueSpec:
			for _, id := range n.Names {
				defined(id)
			}
		case *ast.RangeStmt:
			if n.Tok == token.DEFINE {
				defined(n.Key, n.Value)
			}
		case *ast.CaseClause:
			found = found || inner(u.Info.Implicits[n])
		case *ast.SelectStmt:
			found = found || slices.ContainsFunc(n.Body.List, func(c ast.Stmt) bool { return c.(*ast.CommClause).Comm != nil }) // selectStmts declares its switch's
		}
		return !found
	})
	return found
}

// endsWithin reports whether st, run as the body of a function, does what it does in place:
// outside its function literals, it has no return, no defer and no break or continue to a
// label declared outside it.
func endsWithin(st ast.Stmt) bool {
	own := map[string]bool{}
	ok := true
	ast.Inspect(st, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.LabeledStmt:
			own[n.Label.Name] = true
		case *ast.ReturnStmt, *ast.DeferStmt:
			ok = false
		case *ast.BranchStmt:
			ok = ok && (n.Label == nil || own[n.Label.Name])
		}
		return ok
	})
	return ok
}

// gotoTargets returns the labels that the goto statements of body, outside its function
// literals, jump to.
func gotoTargets(body *ast.BlockStmt) map[string]bool {
	targets := map[string]bool{}
	ast.Inspect(body, func(n ast.Node) bool {
		if b, ok := n.(*ast.BranchStmt); ok && b.Tok == token.GOTO {
			targets[b.Label.Name] = true
		}
		_, isLit := n.(*ast.FuncLit)
		return !isLit
	})
	return targets
}

// isGotoTarget reports whether st is labelled with one of targets: a function literal
// around it would hide the label from the goto.
func isGotoTarget(st ast.Stmt, targets map[string]bool) bool {
	l, ok := st.(*ast.LabeledStmt)
	return ok && targets[l.Label.Name]
}

// initDefines lowers an if or switch statement whose init statement defines several
// variables from one expression, which the interpreter loses outside functions ("undefined:
// err") or fails to compile (a comma-ok form), to a block that declares them, assigns them and
// holds the statement, on the same lines:
//
//	if n, err := f(); err == nil {   becomes   { var n int; var err error; n, err = f(); if err == nil {
//	}                                          } }
func initDefines(u *Unit, st ast.Stmt) []Edit {
	var init ast.Stmt
	var next token.Pos // what follows the init statement and its semicolon
	switch st := st.(type) {
	case *ast.IfStmt:
		init, next = st.Init, st.Cond.Pos()
	case *ast.SwitchStmt:
		init, next = st.Init, st.Body.Lbrace
		if st.Tag != nil {
			next = st.Tag.Pos()
		}
	case *ast.TypeSwitchStmt:
		init, next = st.Init, st.Assign.Pos()
	}
	a, ok := init.(*ast.AssignStmt)
	if !ok || a.Tok != token.DEFINE || len(a.Lhs) < 2 || len(a.Rhs) != 1 {
		return nil
	}
	keyword := "if "
	if _, isIf := st.(*ast.IfStmt); !isIf {
		keyword = "switch "
	}
	return []Edit{
		keepLines(u, st.Pos(), a.Pos(), "{ "+declarations(u, a.Lhs)),
		{Pos: a.TokPos, End: a.TokPos + token.Pos(len(":=")), Text: "="},
		keepLines(u, a.End(), next, "; "+keyword),
		{Pos: st.End(), End: st.End(), Text: " }"},
	}
}

// commaOk reports whether x is a comma-ok form: a map index, a type assertion or a receive.
func commaOk(u *Unit, x ast.Expr) bool {
	switch x := ast.Unparen(x).(type) {
	case *ast.TypeAssertExpr:
		return true
	case *ast.UnaryExpr:
		return x.Op == token.ARROW
	case *ast.IndexExpr:
		_, isMap := u.Info.TypeOf(x.X).Underlying().(*types.Map)
		return isMap
	}
	return false
}

// anyValues accepts every multi-valued expression.
func anyValues(*Unit, ast.Expr) bool { return true }

// blockDefines lowers the multi-valued definitions among the statements of one block whose
// expression lowered accepts.
func blockDefines(u *Unit, list []ast.Stmt, lowered func(*Unit, ast.Expr) bool) []Edit {
	var edits []Edit
	for _, st := range list {
		switch st := st.(type) {
		case *ast.AssignStmt:
			if st.Tok == token.DEFINE && len(st.Lhs) > 1 && len(st.Rhs) == 1 && lowered(u, st.Rhs[0]) {
				edits = append(edits,
					Edit{Pos: st.Lhs[0].Pos(), End: st.Lhs[0].Pos(), Text: declarations(u, st.Lhs)},
					Edit{Pos: st.TokPos, End: st.TokPos + token.Pos(len(":=")), Text: "="})
				edits = append(edits, blankReceive(u, st)...)
			}
			if st.Tok == token.ASSIGN && len(st.Lhs) == 2 && len(st.Rhs) == 1 {
				edits = append(edits, blankReceive(u, st)...)
			}
		case *ast.DeclStmt:
			g, ok := st.Decl.(*ast.GenDecl)
			if !ok || g.Tok != token.VAR || g.Lparen.IsValid() || len(g.Specs) != 1 {
				continue
			}
			spec := g.Specs[0].(*ast.ValueSpec)
			if spec.Type != nil || len(spec.Names) < 2 || len(spec.Values) != 1 || !lowered(u, spec.Values[0]) {
				continue
			}
			names := make([]ast.Expr, len(spec.Names))
			for i, id := range spec.Names {
				names[i] = id
			}
			edits = append(edits, Edit{Pos: g.TokPos, End: g.TokPos + token.Pos(len("var")), Text: strings.TrimSuffix(declarations(u, names), " ")})
		}
	}
	return edits
}

// sessionRedefines lowers the definitions among the cell's top-level statements that define
// a variable of the session again, with the same type, where the cell reads the session's
// variable: x := x + 1, or fmt.Println(x) before x := "main". The interpreter makes the new
// variable when it compiles the cell, so every x of the cell reads it, zero until defined.
// Such a definition assigns the session's variable instead, and declares the others it
// defines:
//
//	x, err := f(x)   becomes   var err error; x, err = f(x)
func sessionRedefines(u *Unit, fn *ast.FuncDecl) []Edit {
	if !slices.ContainsFunc(fn.Body.List, func(st ast.Stmt) bool {
		as, ok := st.(*ast.AssignStmt)
		return ok && as.Tok == token.DEFINE
	}) {
		return nil // (most cells define nothing)
	}
	read := map[types.Object]bool{} // the session's variables that the cell reads
	ast.Inspect(fn.Body, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if v, ok := u.Info.Uses[id].(*types.Var); ok && v.Parent() == u.Pkg.Scope() {
				read[v] = true
			}
		}
		return true
	})
	var edits []Edit
	assigned := map[types.Object]bool{} // the cell's variables that assign the session's
	for _, st := range fn.Body.List {
		as, ok := st.(*ast.AssignStmt)
		if !ok || as.Tok != token.DEFINE || len(as.Lhs) > 1 && len(as.Rhs) == 1 && commaOk(u, as.Rhs[0]) {
			continue // (blockDefines lowers the comma-ok forms)
		}
		var fresh []ast.Expr
		var redefined []types.Object
		other := false
		for _, x := range as.Lhs {
			id, _ := x.(*ast.Ident)
			if id == nil || id.Name == "_" {
				continue
			}
			def := u.Info.Defs[id]
			if def == nil { // defined by an earlier statement of the cell
				if assigned[u.Info.Uses[id]] {
					redefined = append(redefined, u.Info.Uses[id])
				}
				continue
			}
			old, isVar := u.Pkg.Scope().Lookup(id.Name).(*types.Var)
			switch {
			case !isVar || !read[old]:
				fresh = append(fresh, x)
			case types.Identical(old.Type(), def.Type()):
				redefined = append(redefined, def)
			default:
				other = true // of another type: it cannot be assigned
			}
		}
		if len(redefined) == 0 || other {
			continue
		}
		for _, obj := range redefined {
			assigned[obj] = true
		}
		edits = append(edits,
			Edit{Pos: as.Pos(), End: as.Pos(), Text: declarations(u, fresh)},
			Edit{Pos: as.TokPos, End: as.TokPos + token.Pos(len(":=")), Text: "="})
	}
	return edits
}

// declarations writes `var x T; ` for each new variable among lhs.
func declarations(u *Unit, lhs []ast.Expr) string {
	var b strings.Builder
	for _, x := range lhs {
		id, ok := x.(*ast.Ident)
		if !ok || id.Name == "_" || u.Info.Defs[id] == nil {
			continue
		}
		b.WriteString("var " + id.Name + " " + u.TypeString(u.Info.Defs[id].Type()) + "; ")
	}
	return b.String()
}

// blankReceive lowers the receive of `_, ok = <-ch`, which the interpreter runs wrongly where
// the assignment stands at the cell's top level (it stores into a slot of its own), to a
// function that receives into variables of its own:
//
//	_, ok = <-ch   becomes   _, ok = func() (int, bool) { __cl_v, __cl_ok := <-ch; return __cl_v, __cl_ok }()
func blankReceive(u *Unit, st *ast.AssignStmt) []Edit {
	recv, ok := ast.Unparen(st.Rhs[0]).(*ast.UnaryExpr)
	if !ok || recv.Op != token.ARROW || !isBlank(st.Lhs[0]) {
		return nil
	}
	ch, ok := u.Info.TypeOf(recv.X).Underlying().(*types.Chan)
	if !ok {
		return nil
	}
	head := "func() (" + u.TypeString(ch.Elem()) + ", bool) { __cl_v, __cl_ok := "
	return []Edit{
		{Pos: recv.Pos(), End: recv.Pos(), Text: head},
		{Pos: recv.End(), End: recv.End(), Text: "; return __cl_v, __cl_ok }()"},
	}
}
