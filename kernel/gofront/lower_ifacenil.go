package gofront

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
)

// CellError is the host function that makes the error value of a nil pointer or of a struct
// value of a cell type, which the interpreter would make a nil error or the struct's last
// field: the evaluator provides it, as __rt.CellError(v any, goType string) error, goType
// being the type as %T prints it.
const CellError = "__rt.CellError"

// nilErrors wraps each implicit conversion of a pointer to a named type of the cell's
// package to the interface error (returned, assigned, passed, sent, or an element of a
// composite literal) in a function that passes a nil pointer to CellError:
//
//	return p   becomes   return __cl_nilerr_MyErr(p)
//
// with func __cl_nilerr_MyErr(p *MyErr) error { if p == nil { return __rt.CellError(p, "*main.MyErr") }; return p }.
// Go's error holding a nil *MyErr is not nil; the interpreter's is. A struct value of a cell
// type converts by CellError itself: the interpreter's error would hold its last field.
func nilErrors(u *Unit) []Edit {
	var edits []Edit
	errorType := types.Universe.Lookup("error").Type()
	implicitConversions(u, func(e ast.Expr, target types.Type) {
		if !types.Identical(target, errorType) || neverNil(e) {
			return
		}
		if named, ok := u.Info.TypeOf(e).(*types.Named); ok && cellType(u, named) && isStruct(named) {
			goType := types.TypeString(named, func(p *types.Package) string { return p.Name() })
			edits = append(edits, Edit{Pos: e.Pos(), End: e.Pos(), Text: CellError + "("},
				Edit{Pos: e.End(), End: e.End(), Text: ", " + strconv.Quote(goType) + ")"})
			return
		}
		ptr, ok := u.Info.TypeOf(e).(*types.Pointer)
		if !ok {
			return
		}
		named, ok := ptr.Elem().(*types.Named)
		if !ok || !cellType(u, named) {
			return
		}
		goType := types.TypeString(ptr, func(p *types.Package) string { return p.Name() })
		typ := u.TypeString(ptr)
		lit := "func(p " + typ + ") error { if p == nil { return " + CellError + "(p, " + strconv.Quote(goType) + ") }; return p }"
		fn := "(" + lit + ")"
		if named.Obj().Parent() == u.Pkg.Scope() {
			name := "__cl_nilerr_" + named.Obj().Name()
			fn = u.helper(name, "func "+name+lit[len("func"):], fn)
		}
		edits = append(edits, Edit{Pos: e.Pos(), End: e.Pos(), Text: fn + "("}, Edit{Pos: e.End(), End: e.End(), Text: ")"})
	})
	return edits
}

// cellType reports whether named is a type of the unit's package that is not generic.
func cellType(u *Unit, named *types.Named) bool {
	return named.Obj().Pkg() == u.Pkg && named.TypeParams().Len() == 0 && named.TypeArgs().Len() == 0
}

// neverNil reports whether e, a pointer, is one that cannot be nil: &x or &T{}.
func neverNil(e ast.Expr) bool {
	un, ok := ast.Unparen(e).(*ast.UnaryExpr)
	return ok && un.Op == token.AND
}

// implicitConversions calls convert for each expression of the unit's files that Go converts
// implicitly to another type, with that type: results of return statements, the right sides
// of assignments and of var declarations with a type, arguments of calls, values sent on a
// channel and the elements of composite literals. It skips conversions of nil and of
// untyped constants.
func implicitConversions(u *Unit, convert func(e ast.Expr, target types.Type)) {
	to := func(e ast.Expr, target types.Type) {
		tv, ok := u.Info.Types[e]
		if !ok || target == nil || tv.IsNil() || tv.Value != nil || types.Identical(tv.Type, target) {
			return
		}
		convert(e, target)
	}
	for _, f := range u.Files {
		var sigs []*types.Signature // of the enclosing functions
		var visit func(n ast.Node) bool
		visit = func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncDecl:
				if n.Body == nil {
					return false
				}
				if sig, ok := u.Info.Defs[n.Name].Type().(*types.Signature); ok {
					sigs = append(sigs, sig)
					ast.Inspect(n.Body, visit)
					sigs = sigs[:len(sigs)-1]
				}
				return false
			case *ast.FuncLit:
				if sig, ok := u.Info.TypeOf(n).(*types.Signature); ok {
					sigs = append(sigs, sig)
					ast.Inspect(n.Body, visit)
					sigs = sigs[:len(sigs)-1]
				}
				return false
			case *ast.ReturnStmt:
				if len(sigs) > 0 && sigs[len(sigs)-1].Results().Len() == len(n.Results) {
					for i, r := range n.Results {
						to(r, sigs[len(sigs)-1].Results().At(i).Type())
					}
				}
			case *ast.AssignStmt:
				if n.Tok == token.ASSIGN && len(n.Lhs) == len(n.Rhs) {
					for i, r := range n.Rhs {
						to(r, u.Info.TypeOf(n.Lhs[i]))
					}
				}
			case *ast.ValueSpec:
				if n.Type != nil {
					for _, v := range n.Values {
						to(v, u.Info.TypeOf(n.Type))
					}
				}
			case *ast.SendStmt:
				if ch, ok := u.Info.TypeOf(n.Chan).Underlying().(*types.Chan); ok {
					to(n.Value, ch.Elem())
				}
			case *ast.CallExpr:
				callArgs(u, n, to)
			case *ast.CompositeLit:
				literalElems(u, n, to)
			}
			return true
		}
		ast.Inspect(f, visit)
	}
}

// callArgs calls to for each argument of call, a call of a function, with its parameter's
// type.
func callArgs(u *Unit, call *ast.CallExpr, to func(ast.Expr, types.Type)) {
	if tv, ok := u.Info.Types[call.Fun]; !ok || tv.IsType() || tv.IsBuiltin() {
		return
	}
	sig, ok := u.Info.TypeOf(call.Fun).Underlying().(*types.Signature)
	if !ok || len(call.Args) == 1 && sig.Params().Len() > 1 { // f(g()) with g's results
		return
	}
	for i, arg := range call.Args {
		switch last := sig.Params().Len() - 1; {
		case sig.Variadic() && i >= last && !call.Ellipsis.IsValid():
			to(arg, sig.Params().At(last).Type().(*types.Slice).Elem())
		case i <= last:
			to(arg, sig.Params().At(i).Type())
		}
	}
}

// literalElems calls to for each element of the composite literal lit with its type.
func literalElems(u *Unit, lit *ast.CompositeLit, to func(ast.Expr, types.Type)) {
	t := u.Info.TypeOf(lit)
	if t == nil {
		return
	}
	if p, ok := t.Underlying().(*types.Pointer); ok { // an element &T{...} written {...}
		t = p.Elem()
	}
	for i, elt := range lit.Elts {
		key, value := ast.Expr(nil), elt
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			key, value = kv.Key, kv.Value
		}
		switch t := t.Underlying().(type) {
		case *types.Struct:
			if id, ok := key.(*ast.Ident); ok {
				if field, ok := u.Info.Uses[id].(*types.Var); ok {
					to(value, field.Type())
				}
			} else if key == nil && i < t.NumFields() {
				to(value, t.Field(i).Type())
			}
		case *types.Slice:
			to(value, t.Elem())
		case *types.Array:
			to(value, t.Elem())
		case *types.Map:
			if key != nil {
				to(key, t.Key())
			}
			to(value, t.Elem())
		}
	}
}

// isStruct reports whether t's underlying type is a struct.
func isStruct(t types.Type) bool {
	_, ok := t.Underlying().(*types.Struct)
	return ok
}
