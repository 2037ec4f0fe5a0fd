package gofront

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"maps"
	"slices"
	"strconv"
	"strings"
)

// instances lowers the generic code of a cell: the cell's generic declarations are blanked
// (the interpreter never sees them), each use of an instance of a generic function or type,
// the cell's or the standard library's, names a declaration that the front end writes with
// the type arguments in place, and those declarations, lowered as the cell is, are returned.
// lower lowers a unit of the generated code. The edits of uses and those of blanked
// declarations are returned apart.
func (ck *Checked) instances(lower func(*Unit) []Edit) (uses, blanked []Edit, gen []Generated, err error) {
	main := &declSource{fset: ck.Fset, info: ck.Info, pkg: ck.Pkg, texts: ck.texts, files: ck.Files} // indexed when an instance needs it
	g := &instancer{main: main, std: ck.checker.stdSource(), q: ck.qual, names: map[string]string{}, used: map[string]string{}, shown: map[string]string{}, has: ck.checker.Interpreted, cell: ck.file}
	for _, d := range ck.file.Decls {
		if span, ok := genericDecl(d); ok {
			blanked = append(blanked, blank(ck.Fset, ck.texts, span))
			g.rewriteEarlier(genericName(span), ck.earlier)
			continue
		}
		ast.Inspect(d, func(n ast.Node) bool {
			if err != nil || n == nil {
				return false
			}
			text, replace, e := g.replacement(main, n, nil)
			if e != nil {
				err = e
			} else if replace {
				uses = append(uses, Edit{Pos: n.Pos(), End: n.End(), Text: text})
			}
			return !replace && e == nil
		})
		if err != nil {
			return nil, nil, nil, err
		}
	}
	defer func() { uses = append(uses, g.cellEdits...) }()
	if err := ck.interpTypes(g); err != nil {
		return nil, nil, nil, err
	}
	if len(g.out) > 0 {
		gen, err = ck.lowerGenerated(g, lower)
	}
	return uses, blanked, gen, err
}

// interpTypes writes the types of the cell's variables as the interpreter's code names them,
// where they are or hold instances of generic types.
func (ck *Checked) interpTypes(g *instancer) error {
	for i, v := range ck.Vars {
		t, err := g.typeText(g.main, ck.Info.Defs[ck.varIdent(v.Name)].Type(), nil)
		if err != nil {
			return err
		}
		if t != v.Type {
			ck.Vars[i].Interp = t
		}
	}
	for _, d := range ck.file.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.VAR {
			continue
		}
		for _, spec := range gd.Specs {
			for _, id := range spec.(*ast.ValueSpec).Names {
				if _, ok := ck.DeclVars[id.Name]; !ok {
					continue
				}
				t, err := g.typeText(g.main, ck.Info.Defs[id].Type(), nil)
				if err != nil {
					return err
				}
				ck.DeclVars[id.Name] = t
			}
		}
	}
	return nil
}

// genericDecl returns the part of d that declares something generic: a generic func or a
// method of a generic type, or a generic type's spec (the whole declaration when it has one
// spec).
func genericDecl(d ast.Decl) (ast.Node, bool) {
	switch d := d.(type) {
	case *ast.FuncDecl:
		return d, generic(d)
	case *ast.GenDecl:
		for _, spec := range d.Specs {
			if ts, ok := spec.(*ast.TypeSpec); ok && ts.TypeParams != nil {
				if len(d.Specs) == 1 {
					return d, true
				}
				return ts, true
			}
		}
	}
	return nil, false
}

// genericName is the name of the generic function or type that n, a genericDecl, declares
// (of a method, its receiver's type).
func genericName(n ast.Node) string {
	switch n := n.(type) {
	case *ast.FuncDecl:
		if n.Recv != nil && len(n.Recv.List) > 0 {
			return ReceiverName(n.Recv.List[0].Type)
		}
		return n.Name.Name
	case *ast.GenDecl:
		return n.Specs[0].(*ast.TypeSpec).Name.Name
	case *ast.TypeSpec:
		return n.Name.Name
	}
	return ""
}

// rewriteEarlier writes again the earlier instances of the generic code name, which the
// cell redefines, so that the session's code that uses them runs the new version. An
// instance that no longer compiles (its type arguments are gone) is left as it was.
func (g *instancer) rewriteEarlier(name string, earlier []Instance) {
	for _, in := range earlier {
		if in.Generic != name {
			continue
		}
		args := make([]string, len(in.Args))
		for i, goArg := range in.Args {
			tv, err := types.Eval(g.main.fset, g.main.pkg, g.cell.End()-1, goArg) // in the cell, which sees the imports
			if err == nil && tv.IsType() {
				args[i], err = g.typeText(g.main, tv.Type, nil)
			}
			if err != nil {
				args = nil
				break
			}
		}
		if args != nil {
			_, _ = g.instance(g.main, name, args, in.Args)
		}
	}
}

// blank replaces n by its line breaks, so that the lines after it stay where they were.
func blank(fset *token.FileSet, texts map[*token.File]string, n ast.Node) Edit {
	tf := fset.File(n.Pos())
	text := texts[tf][tf.Offset(n.Pos()):tf.Offset(n.End())]
	return Edit{Pos: n.Pos(), End: n.End(), Text: strings.Repeat("\n", strings.Count(text, "\n"))}
}

// lowerGenerated checks the declarations that g wrote with the cell, applies lower to them and
// returns them.
func (ck *Checked) lowerGenerated(g *instancer, lower func(*Unit) []Edit) ([]Generated, error) {
	var b strings.Builder
	b.WriteString("package main\n")
	for _, name := range slices.Sorted(maps.Keys(g.used)) {
		b.WriteString("import " + name + " " + strconv.Quote(g.used[name]) + "\n")
	}
	starts := make([]int, len(g.out))
	for i, gen := range g.out {
		starts[i] = b.Len()
		b.WriteString(gen.Source)
		b.WriteString("\n")
	}
	src := b.String()
	file, err := parser.ParseFile(ck.Fset, "generated.go", src, parser.SkipObjectResolution)
	if err != nil {
		return nil, &instanceError{g.out[0].Of, "the code written for it does not parse: " + err.Error()}
	}
	var errs []types.Error
	conf := types.Config{Importer: ck.checker.imp, GoVersion: GoVersion, Error: func(err error) { errs = append(errs, err.(types.Error)) }}
	info := NewInfo()
	files := []*ast.File{ck.Files[0], ck.file, file}
	pkg, _ := conf.Check("main", ck.Fset, files, info)
	for _, e := range errs {
		if ck.Fset.File(e.Pos) == ck.Fset.File(file.Pos()) && !strings.HasPrefix(e.Msg, "\t") && !e.Soft {
			return nil, &instanceError{g.out[0].Of, "the code written for it does not compile: " + e.Msg}
		}
	}
	tf := ck.Fset.File(file.Pos())
	unit := &Unit{Fset: ck.Fset, Files: []*ast.File{file}, Pkg: pkg, Info: info, TypeString: ck.qual.typeString, helpers: ck.helpers,
		texts: map[*token.File]string{tf: src}}
	edits := lower(unit)
	out := slices.Clone(g.out)
	for i := range out {
		end := len(src)
		if i+1 < len(starts) {
			end = starts[i+1]
		}
		out[i].Source = applyEdits(tf, src, starts[i], end, edits)
	}
	return out, nil
}

// stdSource returns the checker's reader of the standard library's generic source.
func (c *Checker) stdSource() *stdSource {
	if c.std == nil {
		c.std = newStdSource(c.imp)
	}
	return c.std
}
