package gofront

import (
	"go/ast"
	"go/types"
	"strings"
)

// typeSwitches lowers each type switch, whose cases the interpreter does not match for the
// cell's types nor for error, to an expression switch whose cases are comma-ok type
// assertions, which it gets right; each clause declares the switch's variable itself:
//
//	switch x := v.(type) {      becomes   switch __cl_ts := v; {
//	case nil:                             case __cl_ts == nil: x := __cl_ts;
//	case error:                           case func() bool { _, ok := __cl_ts.(error); return ok }(): x := __cl_ts.(error);
//
// on the same lines, the cases tried in order as Go tries them. A switch with an init
// statement, a case of a type parameter or a case written on several lines stays as it is.
func typeSwitches(u *Unit) []Edit {
	var edits []Edit
	for _, f := range u.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			if ts, ok := n.(*ast.TypeSwitchStmt); ok {
				edits = append(edits, typeSwitch(u, ts)...)
			}
			return true
		})
	}
	return edits
}

// typeSwitch returns the edits that lower ts, or none when it stays as it is.
func typeSwitch(u *Unit, ts *ast.TypeSwitchStmt) []Edit {
	const guard = "__cl_ts"
	var assert *ast.TypeAssertExpr
	var name string
	switch a := ts.Assign.(type) {
	case *ast.AssignStmt:
		assert, _ = a.Rhs[0].(*ast.TypeAssertExpr)
		name = a.Lhs[0].(*ast.Ident).Name
	case *ast.ExprStmt:
		assert, _ = a.X.(*ast.TypeAssertExpr)
	}
	if assert == nil || ts.Init != nil || !lowerableCases(u, ts) {
		return nil
	}
	edits := []Edit{
		{Pos: ts.Assign.Pos(), End: assert.X.Pos(), Text: guard + " := "},
		{Pos: assert.X.End(), End: ts.Assign.End(), Text: ";"},
	}
	for _, stmt := range ts.Body.List {
		clause := stmt.(*ast.CaseClause)
		var checks []string
		for _, e := range clause.List {
			check := guard + " == nil"
			if tv := u.Info.Types[e]; !tv.IsNil() {
				check = "func() bool { _, ok := " + guard + ".(" + u.TypeString(tv.Type) + "); return ok }()"
			}
			checks = append(checks, check)
		}
		if len(checks) > 0 {
			edits = append(edits, Edit{Pos: clause.List[0].Pos(), End: clause.List[len(clause.List)-1].End(), Text: strings.Join(checks, " || ")})
		}
		if obj, ok := u.Info.Implicits[clause].(*types.Var); ok && name != "" && name != "_" {
			edits = append(edits, clauseVar(u, clause, name, obj.Type(), guard)...)
		}
	}
	return edits
}

// clauseVar returns the edits that declare the switch's variable name, of type t, in clause:
// the guard's value as t. The interpreter asserts a value to an interface type of the cell's
// only in a type switch, so the clause of one becomes a type switch of one case around its
// statements.
func clauseVar(u *Unit, clause *ast.CaseClause, name string, t types.Type, guard string) []Edit {
	at := clause.Colon + 1
	if len(clause.List) != 1 || u.Info.Types[clause.List[0]].IsNil() {
		return []Edit{{Pos: at, End: at, Text: " " + name + " := " + guard + "; _ = " + name + ";"}}
	}
	typ := u.TypeString(t)
	if named, ok := t.(*types.Named); !ok || named.Obj().Pkg() != u.Pkg || !types.IsInterface(t) {
		return []Edit{{Pos: at, End: at, Text: " " + name + " := " + guard + ".(" + typ + "); _ = " + name + ";"}}
	}
	end := at
	if len(clause.Body) > 0 {
		end = clause.Body[len(clause.Body)-1].End()
	}
	return []Edit{
		{Pos: at, End: at, Text: " switch " + name + " := " + guard + ".(type) { case " + typ + ": _ = " + name + ";"},
		{Pos: end, End: end, Text: " }"},
	}
}

// lowerableCases reports whether every case of ts is nil or a type that mentions no type
// parameter, written on one line.
func lowerableCases(u *Unit, ts *ast.TypeSwitchStmt) bool {
	for _, stmt := range ts.Body.List {
		for _, e := range stmt.(*ast.CaseClause).List {
			tv := u.Info.Types[e]
			if tv.IsNil() {
				continue
			}
			if !tv.IsType() || mentionsTypeParam(tv.Type) || u.Fset.Position(e.Pos()).Line != u.Fset.Position(e.End()).Line {
				return false
			}
		}
	}
	return true
}

// mentionsTypeParam reports whether the type string of t holds a type parameter.
func mentionsTypeParam(t types.Type) bool {
	switch t := t.(type) {
	case *types.TypeParam:
		return true
	case *types.Named:
		return t.TypeArgs().Len() > 0 || t.TypeParams().Len() > 0
	case *types.Pointer:
		return mentionsTypeParam(t.Elem())
	case *types.Slice:
		return mentionsTypeParam(t.Elem())
	case *types.Array:
		return mentionsTypeParam(t.Elem())
	case *types.Map:
		return mentionsTypeParam(t.Key()) || mentionsTypeParam(t.Elem())
	case *types.Chan:
		return mentionsTypeParam(t.Elem())
	case *types.Signature, *types.Struct:
		return true // not worth walking: left as it is
	}
	return false
}
