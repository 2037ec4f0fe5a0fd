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
			if !declaresTypedConst(u, g) && !repeatsSeveralNames(g) {
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

// constSpecEdits writes the values of one spec of a const declaration.
func constSpecEdits(u *Unit, spec *ast.ValueSpec) []Edit {
	var values []string
	for _, id := range spec.Names {
		c, ok := u.Info.Defs[id].(*types.Const)
		if !ok {
			if id.Name != "_" {
				return nil
			}
			values = append(values, "0") // a blank name has no object; its value is never read
			continue
		}
		values = append(values, constantText(u, types.TypeAndValue{Type: c.Type(), Value: c.Val()}))
	}
	if len(spec.Values) == len(values) {
		edits := make([]Edit, len(values))
		for i, v := range spec.Values {
			edits[i] = Edit{Pos: v.Pos(), End: v.End(), Text: values[i]}
		}
		return edits
	}
	if len(spec.Values) > 0 || spec.Type != nil {
		return nil
	}
	typ := ""
	if c, ok := u.Info.Defs[spec.Names[0]].(*types.Const); ok {
		if b, isBasic := c.Type().(*types.Basic); !isBasic || b.Info()&types.IsUntyped == 0 {
			typ = " " + u.TypeString(c.Type())
		}
	}
	// The last name is replaced with the name and the rest, so that the edit lies inside the
	// spec (the evaluator blanks a spec of a group whole).
	last := spec.Names[len(spec.Names)-1]
	return []Edit{{Pos: last.Pos(), End: last.End(), Text: last.Name + typ + " = " + strings.Join(values, ", ")}}
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
