package eval

import (
	"fmt"
	"go/ast"
	"go/token"
	"slices"
	"strings"
)

// loopEdits gives loops whose variables are captured by a closure Go 1.22's per-iteration
// variables: yaegi shares one variable across iterations (#1594) and hangs on `i := i`, so
//
//	for i := 0; i < n; i++ { go func() { use(i) }() }
//
// becomes, on the same line,
//
//	for __cl_i := 0; __cl_i < n; __cl_i++ { i := __cl_i; _ = i; go func() { use(i) }() }
//
// A three-clause loop whose body assigns to its variable cannot be rewritten that way; it gets
// a warning at its line instead.
func loopEdits(p *parsedChunk) (edits []edit, warnings []*cellError) {
	ast.Inspect(p.file, func(n ast.Node) bool {
		switch loop := n.(type) {
		case *ast.ForStmt:
			init, ok := loop.Init.(*ast.AssignStmt)
			if !ok || init.Tok != token.DEFINE {
				return true
			}
			names := definedNames(init.Lhs...)
			if !capturedIn(loop.Body, names) {
				edits = append(edits, closureEdits(p, loop.Body, nil)...)
				return true
			}
			if v := assignedIn(loop.Body, names); v != "" {
				warnings = append(warnings, p.errorAt(loop.Pos(), fmt.Sprintf(
					"warning: the closures of this loop share one variable %s (the interpreter predates Go 1.22's per-iteration loop variables), and the loop assigns to it so it cannot be copied for you: copy it into a variable of another name inside the loop", v)))
				edits = append(edits, closureEdits(p, loop.Body, nil)...)
				return true
			}
			for _, part := range []ast.Node{loop.Init, loop.Cond, loop.Post} {
				edits = append(edits, renameEdits(p, part, names)...)
			}
			edits = append(edits, copyEdit(p, loop.Body, names))
			edits = append(edits, closureEdits(p, loop.Body, names)...)
		case *ast.RangeStmt:
			if frontEndLoop(p, loop) {
				return true
			}
			var names []string
			if loop.Tok == token.DEFINE {
				names = definedNames(loop.Key, loop.Value)
			}
			if !capturedIn(loop.Body, names) {
				edits = append(edits, closureEdits(p, loop.Body, nil)...)
				return true
			}
			for _, x := range []ast.Expr{loop.Key, loop.Value} {
				if x != nil {
					edits = append(edits, renameEdits(p, x, names)...)
				}
			}
			if key, ok := loop.Key.(*ast.Ident); ok && key.Name == "_" && loop.Value != nil {
				// With a blank key, yaegi stores the index into the value's copy where the
				// loop stands at a cell's top level ("SetInt on string Value").
				start := p.offset(key.Pos())
				edits = append(edits, edit{start: start, end: start + 1, repl: loopName("k")})
			}
			edits = append(edits, copyEdit(p, loop.Body, names))
			edits = append(edits, closureEdits(p, loop.Body, names)...)
		}
		return true
	})
	return edits, warnings
}

// frontEndLoop reports whether the front end rewrote the header of loop (a range over a
// function becomes a call): the loop is the front end's, its variables per iteration already.
func frontEndLoop(p *parsedChunk, loop *ast.RangeStmt) bool {
	from, to := p.offset(loop.Pos()), p.offset(loop.Body.Lbrace)
	return slices.ContainsFunc(p.lowered, func(e edit) bool { return e.start != e.end && from <= e.start && e.start < to })
}

// closureEdits binds each closure in body that uses the loop's variables names, or the
// variables declared in body itself, to the values of its own iteration, on the same line:
//
//	func() int { return i }   becomes   func() func() int { i := i; _ = i; return func() int { return i } }()
//
// The copy at the body's start is not enough when compiled code calls the closure after the
// loop went on (concur.Go, time.AfterFunc, sync.WaitGroup.Go, a pool): yaegi then shows it
// the variable's last value, and so for a variable declared in the body. A variable of the
// body is bound only where nothing changes it from the closure on (see bodyVar.stillAt).
// Closures of go statements are bound by their own rewrite, and deferred ones are left as
// they are.
func closureEdits(p *parsedChunk, body *ast.BlockStmt, names []string) []edit {
	vars := bodyVars(body)
	bound := map[*ast.FuncLit]bool{}
	bind := func(call *ast.CallExpr) {
		for _, x := range append([]ast.Expr{call.Fun}, call.Args...) {
			if lit, ok := x.(*ast.FuncLit); ok {
				bound[lit] = true
			}
		}
	}
	var edits []edit
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.GoStmt:
			bind(n.Call)
		case *ast.DeferStmt:
			bind(n.Call)
		case *ast.FuncLit:
			var used []string
			for _, name := range names {
				if usesName(n.Body, []string{name}) {
					used = append(used, name)
				}
			}
			for _, v := range vars {
				if !slices.Contains(used, v.name) && usesName(n.Body, []string{v.name}) && v.stillAt(n) {
					used = append(used, v.name)
				}
			}
			typ := p.text[p.offset(n.Type.Pos()):p.offset(n.Type.End())]
			if bound[n] || len(used) == 0 || strings.Contains(typ, "\n") {
				return true
			}
			start, end := p.offset(n.Pos()), p.offset(n.End())
			edits = append(edits,
				edit{start: start, end: start, repl: fmt.Sprintf("func() %s { %s return ", typ, copies(used, used))},
				edit{start: end, end: end, repl: " }()"})
			return false
		}
		return true
	})
	return edits
}

// bodyVar is a variable declared in a loop's body: each iteration has its own.
type bodyVar struct {
	name  string
	decl  token.Pos // the end of its declaration
	scope ast.Node  // the block or statement its declaration is in scope to the end of
}

// bodyVars lists the variables declared in body, outside the function literals and loops
// inside it (whose variables are theirs).
func bodyVars(body *ast.BlockStmt) []bodyVar {
	var vars []bodyVar
	ast.PreorderStack(body, nil, func(n ast.Node, stack []ast.Node) bool {
		declare := func(decl ast.Node, idents ...ast.Expr) {
			for _, name := range definedNames(idents...) {
				vars = append(vars, bodyVar{name: name, decl: decl.End(), scope: scopeOf(stack)})
			}
		}
		switch n := n.(type) {
		case *ast.FuncLit, *ast.ForStmt, *ast.RangeStmt:
			return false
		case *ast.AssignStmt:
			if n.Tok == token.DEFINE {
				declare(n, n.Lhs...)
			}
		case *ast.GenDecl:
			for _, spec := range n.Specs {
				if vs, ok := spec.(*ast.ValueSpec); ok && n.Tok == token.VAR {
					for _, id := range vs.Names {
						declare(vs, id)
					}
				}
			}
		}
		return true
	})
	return vars
}

// scopeOf returns the innermost node of stack that opens a scope.
func scopeOf(stack []ast.Node) ast.Node {
	for _, n := range slices.Backward(stack) {
		switch n.(type) {
		case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause, *ast.IfStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt:
			return n
		}
	}
	return nil
}

// stillAt reports whether lit sees v and nothing changes v from lit on, in the closure or
// after it: no assignment or increment of v or of a part of it, no &v, and no method call
// on v, which may change it through a pointer receiver. A copy of v then holds what v holds.
func (v bodyVar) stillAt(lit *ast.FuncLit) bool {
	if v.scope == nil || lit.Pos() < v.decl || !containsNode(v.scope, lit) {
		return false
	}
	changed := false
	is := func(x ast.Expr) {
		if x != nil && x.Pos() >= lit.Pos() && rootName(x) == v.name {
			changed = true
		}
	}
	ast.Inspect(v.scope, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, x := range n.Lhs {
				is(x)
			}
		case *ast.IncDecStmt:
			is(n.X)
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				is(n.X)
			}
		case *ast.CallExpr:
			if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok {
				is(sel.X)
			}
		case *ast.RangeStmt:
			if n.Tok == token.ASSIGN {
				is(n.Key)
				is(n.Value)
			}
		}
		return !changed
	})
	return !changed
}

// rootName returns the variable that x, a variable or a part of one, starts with, or "".
func rootName(x ast.Expr) string {
	for {
		switch e := ast.Unparen(x).(type) {
		case *ast.Ident:
			return e.Name
		case *ast.SelectorExpr:
			x = e.X
		case *ast.IndexExpr:
			x = e.X
		case *ast.StarExpr:
			x = e.X
		default:
			return ""
		}
	}
}

// containsNode reports whether n lies inside root.
func containsNode(root, n ast.Node) bool {
	return root.Pos() <= n.Pos() && n.End() <= root.End()
}

// definedNames lists the identifiers among exprs, without the blank one.
func definedNames(exprs ...ast.Expr) []string {
	var names []string
	for _, x := range exprs {
		if id, ok := x.(*ast.Ident); ok && id.Name != "_" {
			names = append(names, id.Name)
		}
	}
	return names
}

// capturedIn reports whether a function literal inside body uses one of names.
func capturedIn(body ast.Node, names []string) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if lit, ok := n.(*ast.FuncLit); ok && !found {
			found = usesName(lit.Body, names)
		}
		return !found
	})
	return found
}

func usesName(n ast.Node, names []string) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && slices.Contains(names, id.Name) {
			found = true
		}
		return !found
	})
	return found
}

// assignedIn returns the first of names that body assigns to or increments, or "".
func assignedIn(body ast.Node, names []string) string {
	assigned := ""
	check := func(x ast.Expr) {
		if id, ok := x.(*ast.Ident); ok && slices.Contains(names, id.Name) && assigned == "" {
			assigned = id.Name
		}
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch s := n.(type) {
		case *ast.AssignStmt:
			if s.Tok != token.DEFINE {
				for _, x := range s.Lhs {
					check(x)
				}
			}
		case *ast.IncDecStmt:
			check(s.X)
		}
		return true
	})
	return assigned
}

// renameEdits renames the identifiers of n that are among names to their hidden loop names;
// field and method names after a dot are not variables and stay.
func renameEdits(p *parsedChunk, n ast.Node, names []string) []edit {
	if n == nil {
		return nil
	}
	selectors := map[*ast.Ident]bool{}
	ast.Inspect(n, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			selectors[sel.Sel] = true
		}
		return true
	})
	var edits []edit
	ast.Inspect(n, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && !selectors[id] && slices.Contains(names, id.Name) {
			start := p.offset(id.Pos())
			edits = append(edits, edit{start: start, end: start + len(id.Name), repl: loopName(id.Name)})
		}
		return true
	})
	return edits
}

// copyEdit declares the per-iteration copies at the start of body.
func copyEdit(p *parsedChunk, body *ast.BlockStmt, names []string) edit {
	hidden := make([]string, len(names))
	for i, name := range names {
		hidden[i] = loopName(name)
	}
	at := p.offset(body.Lbrace) + 1
	return edit{start: at, end: at, repl: " " + copies(names, hidden)}
}

// copies declares names as copies of values on one line, each used once by a blank
// assignment so that an unused copy is no compile error.
func copies(names, values []string) string {
	vars := strings.Join(names, ", ")
	blanks := strings.TrimSuffix(strings.Repeat("_, ", len(names)), ", ")
	return fmt.Sprintf("%s := %s; %s = %s;", vars, strings.Join(values, ", "), blanks, vars)
}

func loopName(name string) string { return "__cl_" + name }
