package gofront

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"
)

// varInits lowers the package-level var declarations of the cell whose initialisers read
// variables of earlier cells: the interpreter orders a cell's variables by what their
// initialisers read, finds the earlier cells' variables among none of them, and refuses the
// declaration ("variable definition loop"). The initialiser moves into a function declared
// beside it, whose body the interpreter does not look into, on the same line:
//
//	var c = a + 1   becomes   var c int = __cl_init_c(); func __cl_init_c() int { return a + 1 }
//
// A declaration whose initialiser also reads variables of its own cell is left alone: hiding
// what it reads would let the interpreter initialise it first.
//
// Several names (var a, b = x, y, or of one call) take a function of several results, which
// the interpreter must have read before the declaration, so the function comes first:
//
//	var a, b = x, y   becomes   func __cl_init_a() (int, int) { return x, y }; var a, b = __cl_init_a()
//
// The interpreter cannot compile several names of a comma-ok form at the package level at all
// (var v, ok = m[k], x.(T) or <-ch): they take the function whatever they read, with the
// comma-ok form inside it, and are initialised in the order written.
func varInits(u *Unit) []Edit {
	var edits []Edit
	for _, f := range u.Files {
		for _, d := range f.Decls {
			g, ok := d.(*ast.GenDecl)
			if !ok || g.Tok != token.VAR || g.Lparen.IsValid() || len(g.Specs) != 1 {
				continue
			}
			spec := g.Specs[0].(*ast.ValueSpec)
			switch {
			case len(spec.Names) == 1 && len(spec.Values) == 1 && readsOnlyEarlierVars(u, f, spec.Values):
				edits = append(edits, varInitEdits(u, g, spec)...)
			case len(spec.Names) > 1 && len(spec.Values) == 1 && commaOk(u, spec.Values[0]),
				len(spec.Names) > 1 && (len(spec.Values) == 1 || len(spec.Values) == len(spec.Names)) && readsOnlyEarlierVars(u, f, spec.Values):
				edits = append(edits, varsInitEdits(u, g, spec)...)
			}
		}
	}
	return edits
}

// readsOnlyEarlierVars reports whether exprs read a package-level variable, and every one
// they read is declared outside file (by an earlier cell) or before a statement of the cell
// that stands before exprs (the interpreter runs the declarations around the cell's
// statements in turn, the earlier ones first).
func readsOnlyEarlierVars(u *Unit, file *ast.File, exprs []ast.Expr) bool {
	earlier, own := false, false
	var stmts []ast.Stmt
	if fn := cellFuncOf(file); fn != nil {
		stmts = fn.Body.List
	}
	for _, x := range exprs {
		ast.Inspect(x, func(n ast.Node) bool {
			id, ok := n.(*ast.Ident)
			if !ok {
				return true
			}
			v, ok := u.Info.Uses[id].(*types.Var)
			if !ok || v.IsField() || v.Pkg() != u.Pkg || v.Parent() != u.Pkg.Scope() {
				return true
			}
			inFile := file.FileStart <= v.Pos() && v.Pos() <= file.FileEnd
			if inFile && !slices.ContainsFunc(stmts, func(st ast.Stmt) bool { return cellBefore(u, v.Pos(), st.Pos()) && cellBefore(u, st.Pos(), x.Pos()) }) {
				own = true
			} else {
				earlier = true
			}
			return true
		})
	}
	return earlier && !own
}

// cellBefore reports whether the cell's code at a comes before that at b: the checked file
// orders the cell's declarations before its statements, its line directives tell where
// each stood in the cell.
func cellBefore(u *Unit, a, b token.Pos) bool {
	pa, pb := u.Fset.Position(a), u.Fset.Position(b)
	return pa.Line < pb.Line || pa.Line == pb.Line && pa.Column < pb.Column
}

// varInitEdits moves the initialiser of spec, the one spec of g, into a function.
func varInitEdits(u *Unit, g *ast.GenDecl, spec *ast.ValueSpec) []Edit {
	name := spec.Names[0].Name
	typ := "any"
	if obj := u.Info.Defs[spec.Names[0]]; obj != nil {
		typ = u.TypeString(obj.Type())
	}
	fn := "__cl_init_" + name
	head := "var " + name + " " + typ + " = " + fn + "(); func " + fn + "() " + typ + " { return "
	value := spec.Values[0]
	return []Edit{
		keepLines(u, g.Pos(), value.Pos(), head), // line breaks before the initialiser stay, inside the function
		{Pos: value.End(), End: value.End(), Text: " }"},
	}
}

// varsInitEdits moves the initialisers of spec, the one spec of g, of several names, into a
// function of several results declared before it.
func varsInitEdits(u *Unit, g *ast.GenDecl, spec *ast.ValueSpec) []Edit {
	var names, results []string
	fn := "__cl_init"
	for _, id := range spec.Names {
		names = append(names, id.Name)
		typ := "any"
		if obj := u.Info.Defs[id]; obj != nil {
			typ = u.TypeString(obj.Type())
		}
		results = append(results, typ)
		if fn == "__cl_init" && id.Name != "_" {
			fn += "_" + id.Name
		}
	}
	head := "func " + fn + "() (" + strings.Join(results, ", ") + ") { return "
	tail := " }; var " + strings.Join(names, ", ") + " = " + fn + "()"
	if len(spec.Values) == 1 && commaOk(u, spec.Values[0]) {
		head = "func " + fn + "() (" + strings.Join(results, ", ") + ") { __cl_v, __cl_ok := "
		tail = "; return __cl_v, __cl_ok" + tail
	}
	first, last := spec.Values[0], spec.Values[len(spec.Values)-1]
	return []Edit{
		keepLines(u, g.Pos(), first.Pos(), head),
		{Pos: last.End(), End: last.End(), Text: tail},
	}
}
