package complete

import (
	"go/ast"
	"go/parser"
	"go/printer"
	"go/scanner"
	"go/token"
	"path"
	"strconv"
	"strings"
)

// declarations indexes the names that Go source declares: the session's chunks and the cell
// being edited.
type declarations struct {
	fset    *token.FileSet
	funcs   map[string]*ast.FuncDecl
	methods map[string][]*ast.FuncDecl // by receiver type name
	types   map[string]typeDecl
	values  map[string]valueDecl
	imports map[string]string // package name → import path
}

type typeDecl struct {
	spec *ast.TypeSpec
	doc  string
}

// valueDecl is a var, const or := name; typ or value may be nil.
type valueDecl struct {
	kind  string // "variable" or "constant"
	spec  *ast.ValueSpec
	typ   ast.Expr
	value ast.Expr
	doc   string
}

func newDeclarations() *declarations {
	return &declarations{
		fset:    token.NewFileSet(),
		funcs:   map[string]*ast.FuncDecl{},
		methods: map[string][]*ast.FuncDecl{},
		types:   map[string]typeDecl{},
		values:  map[string]valueDecl{},
		imports: map[string]string{},
	}
}

// addSource adds one chunk of Go source that may mix imports, declarations and statements,
// as a cell does. Statements that do not parse (the one being typed) are skipped.
func (d *declarations) addSource(src string) {
	for _, stmt := range splitStatements(src) {
		if f, err := parser.ParseFile(d.fset, "", "package p\n"+stmt, parser.ParseComments); err == nil {
			d.addFile(f)
			continue
		}
		body := "package p\nfunc _() {\n" + stmt + "\n}"
		if f, err := parser.ParseFile(d.fset, "", body, parser.ParseComments); err == nil {
			ast.Inspect(f.Decls[0].(*ast.FuncDecl).Body, d.addShortVars)
		}
	}
}

func (d *declarations) addFile(f *ast.File) {
	for _, spec := range f.Imports {
		p, _ := strconv.Unquote(spec.Path.Value)
		name := path.Base(p)
		if spec.Name != nil {
			name = spec.Name.Name
		}
		d.imports[name] = p
	}
	for _, decl := range f.Decls {
		switch decl := decl.(type) {
		case *ast.FuncDecl:
			if decl.Recv == nil {
				d.funcs[decl.Name.Name] = decl
			} else if recv := receiverName(decl.Recv.List[0].Type); recv != "" {
				d.methods[recv] = append(d.methods[recv], decl)
			}
		case *ast.GenDecl:
			d.addGenDecl(decl)
		}
	}
}

func (d *declarations) addGenDecl(decl *ast.GenDecl) {
	for _, spec := range decl.Specs {
		switch spec := spec.(type) {
		case *ast.TypeSpec:
			d.types[spec.Name.Name] = typeDecl{spec: spec, doc: docText(decl.Doc, spec.Doc)}
		case *ast.ValueSpec:
			kind := "variable"
			if decl.Tok == token.CONST {
				kind = "constant"
			}
			for i, name := range spec.Names {
				v := valueDecl{kind: kind, spec: spec, typ: spec.Type, doc: docText(decl.Doc, spec.Doc)}
				if i < len(spec.Values) {
					v.value = spec.Values[i]
				}
				d.values[name.Name] = v
			}
		}
	}
}

// addShortVars records the names that x := ... and range statements declare in a cell, and
// the cell's local var declarations.
func (d *declarations) addShortVars(n ast.Node) bool {
	switch n := n.(type) {
	case *ast.AssignStmt:
		if n.Tok != token.DEFINE {
			return true
		}
		for i, lhs := range n.Lhs {
			id, ok := lhs.(*ast.Ident)
			if !ok || id.Name == "_" {
				continue
			}
			v := valueDecl{kind: "variable"}
			if len(n.Lhs) == len(n.Rhs) {
				v.value = n.Rhs[i]
			}
			d.values[id.Name] = v
		}
	case *ast.RangeStmt:
		for _, e := range []ast.Expr{n.Key, n.Value} {
			if id, ok := e.(*ast.Ident); ok && n.Tok == token.DEFINE && id.Name != "_" {
				d.values[id.Name] = valueDecl{kind: "variable"}
			}
		}
	case *ast.DeclStmt:
		d.addGenDecl(n.Decl.(*ast.GenDecl))
	}
	return true
}

// splitStatements cuts src at the semicolons (written or implied) outside brackets, so that
// each top-level declaration or statement can be parsed alone.
func splitStatements(src string) []string {
	var s scanner.Scanner
	fset := token.NewFileSet()
	s.Init(fset.AddFile("", -1, len(src)), []byte(src), nil, scanner.ScanComments)
	var parts []string
	depth, begin := 0, 0
	for {
		pos, tok, lit := s.Scan()
		off := fset.Position(pos).Offset
		switch {
		case tok == token.EOF:
			if strings.TrimSpace(src[begin:]) != "" {
				parts = append(parts, src[begin:])
			}
			return parts
		case tok == token.LPAREN || tok == token.LBRACK || tok == token.LBRACE:
			depth++
		case tok == token.RPAREN || tok == token.RBRACK || tok == token.RBRACE:
			depth--
		case tok == token.SEMICOLON && depth <= 0:
			end := off
			if lit == ";" {
				end++
			}
			parts = append(parts, src[begin:min(end, len(src))])
			begin = min(end, len(src))
		}
	}
}

// receiverName is T for a receiver of type T, *T or T[P].
func receiverName(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.StarExpr:
		return receiverName(e.X)
	case *ast.IndexExpr:
		return receiverName(e.X)
	case *ast.IndexListExpr:
		return receiverName(e.X)
	case *ast.Ident:
		return e.Name
	}
	return ""
}

func docText(groups ...*ast.CommentGroup) string {
	var parts []string
	for _, g := range groups {
		if t := strings.TrimSpace(g.Text()); t != "" {
			parts = append(parts, t)
		}
	}
	return strings.Join(parts, "\n")
}

// source prints node as Go source.
func (d *declarations) source(node any) string {
	var b strings.Builder
	printer.Fprint(&b, d.fset, node)
	return b.String()
}

// funcSignature prints a func declaration without its body, or whole with full.
func (d *declarations) funcSignature(f *ast.FuncDecl, full bool) string {
	if full {
		return d.source(&ast.FuncDecl{Recv: f.Recv, Name: f.Name, Type: f.Type, Body: f.Body})
	}
	return d.source(&ast.FuncDecl{Recv: f.Recv, Name: f.Name, Type: f.Type})
}
