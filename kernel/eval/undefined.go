package eval

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// yaegiUndefinedMessage is what yaegi v0.16.1 says for an undefined name in a top-level
// short variable declaration or a declaration.
const yaegiUndefinedMessage = "constant definition loop"

// undefinedIn returns Go's error for an undefined name of p when yaegi's err says
// yaegiUndefinedMessage.
func (s *Session) undefinedIn(p *parsedChunk, err error) (*cellError, bool) {
	if err == nil || !strings.HasSuffix(err.Error(), yaegiUndefinedMessage) {
		return nil, false
	}
	return explainUndefined(p, s.knows)
}

// explainUndefined replaces yaegi's misleading error for a top-level `x := undefinedName`
// by Go's: it finds the first name of p that nothing declares. known tells whether the
// session declares a name.
func explainUndefined(p *parsedChunk, known func(string) bool) (*cellError, bool) {
	defined := map[string]bool{}
	skip := map[*ast.Ident]bool{}
	ast.Inspect(p.file, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.AssignStmt:
			if x.Tok == token.DEFINE {
				for _, l := range x.Lhs {
					if id, ok := l.(*ast.Ident); ok {
						defined[id.Name] = true
					}
				}
			}
		case *ast.RangeStmt:
			for _, e := range []ast.Expr{x.Key, x.Value} {
				if id, ok := e.(*ast.Ident); ok {
					defined[id.Name] = true
				}
			}
		case *ast.ValueSpec:
			for _, id := range x.Names {
				defined[id.Name] = true
			}
		case *ast.Field:
			for _, id := range x.Names {
				defined[id.Name] = true
			}
		case *ast.TypeSpec:
			defined[x.Name.Name] = true
		case *ast.FuncDecl:
			defined[x.Name.Name] = true
		case *ast.LabeledStmt:
			skip[x.Label] = true
		case *ast.BranchStmt:
			if x.Label != nil {
				skip[x.Label] = true
			}
		case *ast.SelectorExpr:
			skip[x.Sel] = true
		case *ast.KeyValueExpr:
			if id, ok := x.Key.(*ast.Ident); ok {
				skip[id] = true
			}
		}
		return true
	})
	var found *cellError
	ast.Inspect(p.file, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok || found != nil || skip[id] || id.Name == "_" || id.Name == "main" ||
			defined[id.Name] || known(id.Name) || types.Universe.Lookup(id.Name) != nil {
			return found == nil
		}
		found = p.errorAt(id.Pos(), "undefined: "+id.Name)
		return false
	})
	return found, found != nil
}

// knows reports whether the session declares name: a variable, a declaration or an import.
func (s *Session) knows(name string) bool {
	if _, ok := s.globals()[name]; ok {
		return true
	}
	for _, imp := range s.imports {
		if imp.packageName() == name {
			return true
		}
	}
	for _, d := range s.decls {
		for _, k := range d.keys {
			if _, n, _ := strings.Cut(k, " "); n == name || strings.HasSuffix(n, "."+name) {
				return true
			}
		}
	}
	return false
}
