package complete

import (
	"go/ast"
	"go/scanner"
	"go/token"
	"reflect"
	"strings"

	"github.com/concurlab/concurlab/kernel/engine"
)

// description is what inspection shows of a name: its declaration and doc comment.
type description struct {
	decl string
	doc  string
}

// Inspect describes the name under cursor (in code points): an identifier, pkg.Member or
// value.Field, or else the func whose call's parentheses hold the cursor, with its signature
// and doc comment as text/plain and text/markdown. With detailLevel 1 or more, session funcs
// are shown with their bodies.
func (c *Completer) Inspect(code string, cursor, detailLevel int, s Scope) engine.Inspection {
	off := byteOffset(code, cursor)
	ref := referenceAt(code, off, true)
	if ref.name == "" {
		ref = referenceAt(code, openCall(code[:off]), false)
	}
	if ref.name == "" {
		return engine.Inspection{Data: map[string]any{}, Metadata: map[string]any{}}
	}
	sv := c.newView(code, s)
	var (
		desc description
		ok   bool
	)
	if len(ref.chain) == 0 {
		desc, ok = c.describeName(sv, ref.name, detailLevel > 0)
	} else {
		desc, ok = c.describeSelector(sv, ref.chain, ref.name, detailLevel > 0)
	}
	if !ok {
		return engine.Inspection{Data: map[string]any{}, Metadata: map[string]any{}}
	}
	plain := desc.decl
	markdown := "```go\n" + desc.decl + "\n```"
	if desc.doc != "" {
		plain += "\n\n" + strings.TrimSpace(desc.doc)
		markdown += "\n\n" + strings.TrimSpace(desc.doc)
	}
	return engine.Inspection{
		Found:    true,
		Data:     map[string]any{"text/plain": plain, "text/markdown": markdown},
		Metadata: map[string]any{},
	}
}

// describeName describes a plain identifier: a session or cell declaration, a package, or a
// builtin.
func (c *Completer) describeName(sv view, name string, full bool) (description, bool) {
	d := sv.decls
	if f, ok := d.funcs[name]; ok {
		return description{decl: d.funcSignature(f, full), doc: f.Doc.Text()}, true
	}
	if t, ok := d.types[name]; ok {
		return description{decl: "type " + d.source(t.spec), doc: t.doc}, true
	}
	if v, ok := d.values[name]; ok {
		return description{decl: sv.valueSignature(name, v), doc: v.doc}, true
	}
	if path, ok := sv.imports[name]; ok {
		return description{decl: `import "` + path + `"`, doc: packageDocs(path).Doc}, true
	}
	if val, ok := sv.scope.Value(name); ok && val.IsValid() {
		return description{decl: "var " + name + " " + val.Type().String()}, true
	}
	if md, ok := lookupDocs("builtin", name); ok {
		return description{decl: md.Decl, doc: md.Doc}, true
	}
	return description{}, false
}

// describeSelector describes chain.name: a package member, a method of a package type
// (pkg.Type.Method), or a field or method of a value.
func (c *Completer) describeSelector(sv view, chain []string, name string, full bool) (description, bool) {
	if path, ok := sv.imports[chain[0]]; ok && !sv.declaresValue(chain[0]) {
		switch len(chain) {
		case 1:
			return c.describePackageMember(path, name)
		case 2:
			md, ok := lookupDocs(path, chain[1]+"."+name)
			return description{decl: md.Decl, doc: md.Doc}, ok
		}
		return description{}, false
	}
	t := c.valueType(sv, chain)
	switch {
	case t.source != "":
		return sv.decls.describeSourceMember(t.source, name, full)
	case t.compiled != nil:
		return describeCompiledMember(t.compiled, name)
	}
	return description{}, false
}

func (c *Completer) describePackageMember(path, name string) (description, bool) {
	if md, ok := lookupDocs(path, name); ok {
		return description{decl: md.Decl, doc: md.Doc}, true
	}
	if v, ok := c.packages[path][name]; ok {
		return description{decl: symbolMember(name, v).signature}, true
	}
	return description{}, false
}

func (d *declarations) describeSourceMember(typeName, name string, full bool) (description, bool) {
	for _, m := range d.methods[typeName] {
		if m.Name.Name == name {
			return description{decl: d.funcSignature(m, full), doc: m.Doc.Text()}, true
		}
	}
	if st, ok := d.types[typeName].spec.Type.(*ast.StructType); ok {
		for _, f := range st.Fields.List {
			for _, n := range fieldNames(f) {
				if n == name {
					return description{decl: "field " + n + " " + d.source(f.Type), doc: docText(f.Doc, f.Comment)}, true
				}
			}
		}
	}
	return description{}, false
}

func describeCompiledMember(t reflect.Type, name string) (description, bool) {
	base := t
	if base.Kind() == reflect.Pointer {
		base = base.Elem()
	}
	if md, ok := lookupDocs(base.PkgPath(), base.Name()+"."+name); ok {
		return description{decl: md.Decl, doc: md.Doc}, true
	}
	for _, m := range compiledMembers(t) {
		if m.name == name {
			return description{decl: m.kind + " " + m.signature}, true
		}
	}
	return description{}, false
}

// openCall returns the byte offset of the innermost parenthesis that code leaves open, or 0.
func openCall(code string) int {
	var s scanner.Scanner
	fset := token.NewFileSet()
	s.Init(fset.AddFile("", -1, len(code)), []byte(code), nil, 0)
	var open []int
	for {
		pos, tok, _ := s.Scan()
		switch tok {
		case token.EOF:
			if len(open) == 0 {
				return 0
			}
			return open[len(open)-1]
		case token.LPAREN:
			open = append(open, fset.Position(pos).Offset)
		case token.RPAREN:
			if len(open) > 0 {
				open = open[:len(open)-1]
			}
		}
	}
}
