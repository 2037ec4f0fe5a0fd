package gofront

import (
	"go/ast"
	"go/token"
	"strings"
)

// nestedDefines lowers the definitions of several variables from one multi-valued expression
// (x, err := f(), v, ok := m[k], var a, b = f()) in the blocks nested in the cell's top-level
// statements: the interpreter loses those variables there ("undefined: x"), though it keeps
// them in functions and at the cell's top level. Each new variable is declared on its own and
// the definition becomes an assignment:
//
//	x, err := f()   becomes   var x int; var err error; x, err = f()
func nestedDefines(u *Unit) []Edit {
	var edits []Edit
	for _, f := range u.Files {
		fn := cellFuncOf(f)
		if fn == nil {
			continue
		}
		for _, st := range fn.Body.List {
			ast.Inspect(st, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.FuncLit:
					return false
				case *ast.BlockStmt:
					edits = append(edits, blockDefines(u, n.List)...)
				case *ast.CaseClause:
					edits = append(edits, blockDefines(u, n.Body)...)
				case *ast.CommClause:
					edits = append(edits, blockDefines(u, n.Body)...)
				}
				return true
			})
		}
	}
	return edits
}

// blockDefines lowers the multi-valued definitions among the statements of one block.
func blockDefines(u *Unit, list []ast.Stmt) []Edit {
	var edits []Edit
	for _, st := range list {
		switch st := st.(type) {
		case *ast.AssignStmt:
			if st.Tok == token.DEFINE && len(st.Lhs) > 1 && len(st.Rhs) == 1 {
				edits = append(edits,
					Edit{Pos: st.Lhs[0].Pos(), End: st.Lhs[0].Pos(), Text: declarations(u, st.Lhs)},
					Edit{Pos: st.TokPos, End: st.TokPos + token.Pos(len(":=")), Text: "="})
			}
		case *ast.DeclStmt:
			g, ok := st.Decl.(*ast.GenDecl)
			if !ok || g.Tok != token.VAR || g.Lparen.IsValid() || len(g.Specs) != 1 {
				continue
			}
			spec := g.Specs[0].(*ast.ValueSpec)
			if spec.Type != nil || len(spec.Names) < 2 || len(spec.Values) != 1 {
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
