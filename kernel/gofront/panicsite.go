package gofront

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"
)

// PanicKind is the kind of run-time panic that a message names.
type PanicKind int

const (
	// CalledPanic is a panic of another value: a call of panic in the frame, or of a
	// library that the frame called.
	CalledPanic PanicKind = iota
	// IndexPanic is an index out of range.
	IndexPanic
	// SlicePanic is slice bounds out of range.
	SlicePanic
	// NilMapPanic is an assignment to an entry in a nil map.
	NilMapPanic
	// DividePanic is an integer division by zero.
	DividePanic
	// NilPanic is a nil pointer dereference, or a method called on a nil interface.
	NilPanic
	// ClosePanic is a close of a closed or nil channel.
	ClosePanic
	// SendPanic is a send on a closed channel.
	SendPanic
	// AssertPanic is a failed type assertion.
	AssertPanic
)

// KindOf tells the kind of run-time panic that msg, in Go's words, says.
func KindOf(msg string) PanicKind {
	for _, k := range []struct {
		text string
		kind PanicKind
	}{
		{"index out of range", IndexPanic},
		{"slice bounds out of range", SlicePanic},
		{"assignment to entry in nil map", NilMapPanic},
		{"integer divide by zero", DividePanic},
		{"nil pointer dereference", NilPanic},
		{"close of closed channel", ClosePanic},
		{"close of nil channel", ClosePanic},
		{"send on closed channel", SendPanic},
		{"interface conversion", AssertPanic},
	} {
		if strings.Contains(msg, k.text) {
			return k.kind
		}
	}
	return CalledPanic
}

// PanicCandidates returns the expressions and statements of body that can raise a panic of
// kind, in source order, without looking into function literals (they are frames of their
// own). info, when it has types for body, rules out what cannot panic: an index of a map, a
// division by a constant.
func PanicCandidates(body ast.Node, kind PanicKind, info *types.Info) []ast.Node {
	var found []ast.Node
	typeOf := func(x ast.Expr) types.Type {
		if info == nil {
			return nil
		}
		return info.TypeOf(x)
	}
	isMap := func(x ast.Expr) (isMap, known bool) {
		t := typeOf(x)
		if t == nil {
			return false, false
		}
		_, isMap = t.Underlying().(*types.Map)
		return isMap, true
	}
	constant := func(x ast.Expr) bool {
		if info == nil {
			_, lit := x.(*ast.BasicLit)
			return lit
		}
		return info.Types[x].Value != nil
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.IndexExpr:
			if m, _ := isMap(n.X); kind == IndexPanic && !m {
				found = append(found, n)
			}
		case *ast.SliceExpr:
			if kind == SlicePanic {
				found = append(found, n)
			}
		case *ast.AssignStmt:
			if kind == NilMapPanic {
				for _, lhs := range n.Lhs {
					if ix, ok := lhs.(*ast.IndexExpr); ok {
						if m, known := isMap(ix.X); m || !known {
							found = append(found, ix)
						}
					}
				}
			}
			if kind == DividePanic && (n.Tok == token.QUO_ASSIGN || n.Tok == token.REM_ASSIGN) && !constant(n.Rhs[0]) {
				found = append(found, n)
			}
		case *ast.BinaryExpr:
			if kind == DividePanic && (n.Op == token.QUO || n.Op == token.REM) && !constant(n.Y) {
				if t := typeOf(n); t == nil || isInteger(t) {
					found = append(found, n)
				}
			}
		case *ast.StarExpr:
			if kind == NilPanic && typeOf(n) != nil && info.Types[n].IsValue() {
				found = append(found, n)
			}
		case *ast.SelectorExpr:
			if kind == NilPanic && derefs(info, n) {
				found = append(found, n)
			}
		case *ast.CallExpr:
			if id, ok := n.Fun.(*ast.Ident); ok && (id.Name == "close" && kind == ClosePanic || id.Name == "panic" && kind == CalledPanic) {
				found = append(found, n)
			}
		case *ast.SendStmt:
			if kind == SendPanic {
				found = append(found, n)
			}
		case *ast.TypeAssertExpr:
			if kind == AssertPanic && n.Type != nil {
				found = append(found, n)
			}
		}
		return true
	})
	if kind == AssertPanic {
		found = withoutCommaOk(body, found)
	}
	return found
}

// isInteger reports whether t is an integer type.
func isInteger(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsInteger != 0
}

// derefs reports whether a selector goes through a pointer or calls a method of an interface:
// with types, exactly those; without, every selector of a value (not of a package).
func derefs(info *types.Info, sel *ast.SelectorExpr) bool {
	if info == nil {
		return true
	}
	s := info.Selections[sel]
	if s == nil {
		return false
	}
	if _, isIface := s.Recv().Underlying().(*types.Interface); isIface {
		return true
	}
	_, isPtr := s.Recv().Underlying().(*types.Pointer)
	return isPtr && s.Kind() == types.FieldVal || s.Indirect() && s.Kind() == types.FieldVal
}

// withoutCommaOk drops the type assertions of found that a comma-ok assignment uses: they
// never panic.
func withoutCommaOk(body ast.Node, found []ast.Node) []ast.Node {
	safe := map[ast.Node]bool{}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if len(n.Lhs) == 2 && len(n.Rhs) == 1 {
				safe[ast.Unparen(n.Rhs[0])] = true
			}
		case *ast.ValueSpec:
			if len(n.Names) == 2 && len(n.Values) == 1 {
				safe[ast.Unparen(n.Values[0])] = true
			}
		}
		return true
	})
	var out []ast.Node
	for _, n := range found {
		if !safe[n] {
			out = append(out, n)
		}
	}
	return out
}

// Frame is the code of a frame that a panic went through, as the interpreter names frames:
// "main" for the cell's top level, "f" for a function or method f, "f.func" for a function
// literal inside f.
type Frame string

// PanicSite finds where in frame the panic of kind happened: the one expression of that kind
// in the frame's code. It looks in the cell and then in the session's declarations; ok is
// false when the frame holds no such expression, or more than one.
func (ck *Checked) PanicSite(frame Frame, kind PanicKind) (node ast.Node, ok bool) {
	var bodies []ast.Node
	name, closure := strings.CutSuffix(string(frame), ".func")
	switch {
	case name == "main" && ck.cellFn != nil:
		bodies = []ast.Node{ck.cellFn.Body}
	default:
		fn := ck.funcDecl(name)
		if fn == nil || fn.Body == nil {
			return nil, false
		}
		bodies = []ast.Node{fn.Body}
	}
	if closure {
		var lits []ast.Node
		for _, b := range bodies {
			ast.Inspect(b, func(n ast.Node) bool {
				if lit, ok := n.(*ast.FuncLit); ok {
					lits = append(lits, lit.Body)
				}
				return true
			})
		}
		bodies = lits
	}
	var found []ast.Node
	for _, b := range bodies {
		found = append(found, PanicCandidates(b, kind, ck.Info)...)
	}
	if len(found) != 1 {
		return nil, false
	}
	return found[0], true
}

// funcDecl returns the function or method named name that the cell declares, or else the
// session.
func (ck *Checked) funcDecl(name string) *ast.FuncDecl {
	for _, f := range []*ast.File{ck.file, ck.session} {
		if f == nil {
			continue
		}
		for _, d := range f.Decls {
			if fn, ok := d.(*ast.FuncDecl); ok && fn.Name.Name == name {
				return fn
			}
		}
	}
	return nil
}

// Place tells where pos, a position of the checked files, is written: in the cell (decl is
// nil) or in an earlier cell's declaration; line and column are its cell's.
func (ck *Checked) Place(pos token.Pos) (decl *Decl, line, col int) {
	p := ck.Fset.Position(pos)
	if i, err := strconv.Atoi(strings.TrimPrefix(p.Filename, "decl")); err == nil && strings.HasPrefix(p.Filename, "decl") && i < len(ck.decls) {
		return &ck.decls[i], p.Line, p.Column
	}
	return nil, p.Line, p.Column
}
