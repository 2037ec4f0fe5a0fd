package gofront

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// constValues writes the value of every constant of a declaration that declares constants of
// a float, complex or named type, or repeats a spec of several names, as go/types computed them, in
// place of their expressions: the interpreter evaluates those wrongly (`KB ByteSize = 1 <<
// (10 * iota)` of a float type, or `c, d` after `a, b = iota, iota * 10`, is a "constant
// definition loop" to it). Other constant declarations, which it evaluates right, are left
// as they are. A spec that repeats the one above it (iota's idiom) gets its type
// and values written out:
//
//	const ( _ = iota; KB ByteSize = 1 << (10 * iota); MB )
//
// becomes
//
//	const ( _ = 0; KB ByteSize = ByteSize(1024); MB ByteSize = ByteSize(1048576) )
func constValues(u *Unit) []Edit {
	var edits []Edit
	for _, f := range u.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			g, ok := n.(*ast.GenDecl)
			if !ok || g.Tok != token.CONST {
				return true
			}
			if !declaresTypedConst(u, g) && !repeatsSeveralNames(g) && !computesFromLibrary(u, g) {
				return false
			}
			for _, s := range g.Specs {
				edits = append(edits, constSpecEdits(u, s.(*ast.ValueSpec))...)
			}
			return false
		})
	}
	return edits
}

// constSpecEdits writes the values of one spec of a const declaration. Where the spec's
// constants are of one type, the values are untyped literals and the spec names the type
// (Monday Weekday = 1): the interpreter cannot convert to a type of the cell while it declares
// the cell's types (a rebuild's "incomplete type"), nor compute float64((5.0/2)).
func constSpecEdits(u *Unit, spec *ast.ValueSpec) []Edit {
	var consts []*types.Const
	for _, id := range spec.Names {
		c, ok := u.Info.Defs[id].(*types.Const)
		if !ok && id.Name != "_" {
			return nil
		}
		consts = append(consts, c) // nil for a blank name, whose value is never read
	}
	typ := specType(consts)
	values := make([]string, len(consts))
	for i, c := range consts {
		switch {
		case c == nil:
			values[i] = "0"
		case typ != nil:
			values[i] = constantText(u, types.TypeAndValue{Type: untypedKind(typ), Value: c.Val()})
		default:
			values[i] = constantText(u, types.TypeAndValue{Type: c.Type(), Value: c.Val()})
		}
	}
	named := "" // the type that the spec names, where it does not already
	if typ != nil && spec.Type == nil {
		named = " " + u.TypeString(typ)
	}
	last := spec.Names[len(spec.Names)-1]
	if len(spec.Values) == len(values) {
		edits := make([]Edit, 0, len(values)+1)
		if named != "" {
			edits = append(edits, Edit{Pos: last.Pos(), End: last.End(), Text: last.Name + named})
		}
		for i, v := range spec.Values {
			edits = append(edits, Edit{Pos: v.Pos(), End: v.End(), Text: values[i]})
		}
		return edits
	}
	if len(spec.Values) > 0 || spec.Type != nil {
		return nil
	}
	// The last name is replaced with the name and the rest, so that the edit lies inside the
	// spec (the evaluator blanks a spec of a group whole).
	return []Edit{{Pos: last.Pos(), End: last.End(), Text: last.Name + named + " = " + strings.Join(values, ", ")}}
}

// specType returns the type of the constants of a spec when they have one, typed; nil when
// they are untyped or of several types.
func specType(consts []*types.Const) types.Type {
	var t types.Type
	for _, c := range consts {
		if c == nil {
			continue
		}
		if b, ok := c.Type().(*types.Basic); ok && b.Info()&types.IsUntyped != 0 {
			return nil
		}
		if t != nil && !types.Identical(t, c.Type()) {
			return nil
		}
		t = c.Type()
	}
	return t
}

// untypedKind is the untyped constant type of t's kind: a literal of it takes t where the spec
// names t.
func untypedKind(t types.Type) types.Type {
	b, _ := t.Underlying().(*types.Basic)
	switch {
	case b == nil:
		return types.Typ[types.UntypedInt]
	case b.Info()&types.IsBoolean != 0:
		return types.Typ[types.UntypedBool]
	case b.Info()&types.IsString != 0:
		return types.Typ[types.UntypedString]
	case b.Info()&types.IsFloat != 0:
		return types.Typ[types.UntypedFloat]
	case b.Info()&types.IsComplex != 0:
		return types.Typ[types.UntypedComplex]
	}
	return types.Typ[types.UntypedInt]
}

// declaresTypedConst reports whether g declares a constant of a float or complex type, or
// of a named type (type Perm uint8; Read Perm = 1 << iota is an int to the interpreter).
func declaresTypedConst(u *Unit, g *ast.GenDecl) bool {
	for _, s := range g.Specs {
		for _, id := range s.(*ast.ValueSpec).Names {
			c, ok := u.Info.Defs[id].(*types.Const)
			if !ok {
				continue
			}
			if _, named := c.Type().(*types.Named); named && packageLevel(c.Type()) {
				return true
			}
			if b, ok := c.Type().Underlying().(*types.Basic); ok && b.Info()&(types.IsFloat|types.IsComplex) != 0 && b.Info()&types.IsUntyped == 0 {
				return true
			}
		}
	}
	return false
}

// computesFromLibrary reports whether g declares an untyped float or complex constant from
// a constant of another package, const Tau = math.Pi * 2: the interpreter converts such a
// constant to float32 as 0.
func computesFromLibrary(u *Unit, g *ast.GenDecl) bool {
	for _, s := range g.Specs {
		for _, v := range s.(*ast.ValueSpec).Values {
			b, ok := u.Info.TypeOf(v).(*types.Basic)
			if !ok || b.Info()&types.IsUntyped == 0 || b.Info()&(types.IsFloat|types.IsComplex) == 0 {
				continue
			}
			if readsConst(u, v, func(c *types.Const) bool { return c.Pkg() != nil && c.Pkg() != u.Pkg }) {
				return true
			}
		}
	}
	return false
}

// readsConst reports whether e reads a constant that which accepts.
func readsConst(u *Unit, e ast.Expr, which func(*types.Const) bool) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			n = sel.Sel
		}
		if id, ok := n.(*ast.Ident); ok {
			c, isConst := u.Info.Uses[id].(*types.Const)
			found = found || isConst && which(c)
		}
		return !found
	})
	return found
}

// repeatsSeveralNames reports whether a spec of g of several names repeats the one above it.
func repeatsSeveralNames(g *ast.GenDecl) bool {
	for _, s := range g.Specs {
		if vs := s.(*ast.ValueSpec); len(vs.Values) == 0 && len(vs.Names) > 1 {
			return true
		}
	}
	return false
}

// untypedShifts gives the untyped constant that a non-constant shift shifts the type that Go
// gives it from the shift's context: the interpreter shifts an int instead, and a Perm
// (uint8) method's `p&(1<<i)` panics in it. `1 << i` becomes `Perm(Perm(1) << i)`.
func untypedShifts(u *Unit) []Edit {
	var edits []Edit
	for _, f := range u.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			b, ok := n.(*ast.BinaryExpr)
			if !ok || (b.Op != token.SHL && b.Op != token.SHR) || u.Info.Types[b].Value != nil {
				return true
			}
			// (go/types records the constant with the type it was given, Perm)
			t := u.Info.TypeOf(b)
			if u.Info.Types[b.X].Value == nil || t == nil || !packageLevel(t) {
				return true
			}
			if tb, ok := t.(*types.Basic); ok && tb.Info()&types.IsUntyped != 0 {
				return true
			}
			ts := u.TypeString(t) // (the shift converted too: p&(Perm(1)<<i) panics, p&Perm(Perm(1)<<i) does not)
			edits = append(edits,
				Edit{Pos: b.Pos(), End: b.Pos(), Text: ts + "(" + ts + "("},
				Edit{Pos: b.X.End(), End: b.X.End(), Text: ")"},
				Edit{Pos: b.End(), End: b.End(), Text: ")"})
			return true
		})
	}
	return edits
}

// constantExprs writes the value of every constant expression of a basic type outside
// constant declarations (which constValues writes), as go/types computed it with the type
// that Go gives it, in place of the expression:
//
//	float32(math.Pi * 2)   becomes   float32(6.2831854820251465)
//	var f float64 = 10 / 4   becomes   var f float64 = float64(2.0)
//
// The interpreter gets several of them wrong: it converts an untyped float constant to
// float32 as 0, divides the untyped integers c / 4 as floats where a float is wanted, and
// cannot pass complex(1, -2) to fmt. Literals, names and qualified names are left as they
// are, as are expressions over several lines (the cell's lines must stay where they are).
// An expression that reads a package-level constant of the session keeps it, converted to
// its type, c / 4 becoming float64(c / 4): a later cell may declare the constant again, and a
// function that reads it must see the new value when the session is rebuilt.
func constantExprs(u *Unit) []Edit {
	var edits []Edit
	for _, f := range u.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.GenDecl:
				return n.Tok != token.CONST
			case *ast.BasicLit, *ast.Ident, *ast.SelectorExpr:
				return false
			case ast.Expr:
				tv, ok := u.Info.Types[n]
				switch {
				case !ok:
					return true
				case tv.IsType():
					return false
				case tv.Value == nil:
					return true
				}
				b, ok := tv.Type.(*types.Basic)
				if !ok || b.Kind() == types.Invalid || u.Fset.Position(n.Pos()).Line != u.Fset.Position(n.End()).Line {
					return false
				}
				if !readsConst(u, n, func(c *types.Const) bool { return c.Pkg() == u.Pkg && c.Parent() == u.Pkg.Scope() }) {
					edits = append(edits, Edit{Pos: n.Pos(), End: n.End(), Text: constantText(u, tv)})
				} else if _, conversion := n.(*ast.CallExpr); !conversion && b.Info()&types.IsUntyped == 0 {
					ts := u.TypeString(tv.Type)
					edits = append(edits, Edit{Pos: n.Pos(), End: n.Pos(), Text: ts + "("}, Edit{Pos: n.End(), End: n.End(), Text: ")"})
				}
				return false
			}
			return true
		})
	}
	return edits
}
