package gofront

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"hash/fnv"
	"slices"
	"strings"
)

// Generated is a declaration that the front end wrote for the interpreter: an instance of a
// generic function or type (yaegi v0.16.1 runs generic code wrongly, and has none of the
// standard library's), or a copy of an unexported helper of a standard package that such an
// instance uses. Its name is made from what it instantiates, so that equal instances of
// different cells have one name.
type Generated struct {
	Kind   string // "func", "type", "var" or "const"
	Name   string
	Source string // the declaration, with a type's methods after it
	// Of is what it instantiates, as Go writes it: "Map[int, string]", "slices.Sort[[]int, int]".
	Of string
	// Shown is how %T names it, without the package: "Tree[string,int]",
	// "List[main.Pair[string,int]]" ("" but for instances).
	Shown string
	// Instance is, for an instance of the session's own generic code, which; a later cell
	// that redefines the generic code writes it again (Session.Instances).
	Instance *Instance
}

// GeneratedPrefix starts the name of every Generated declaration.
const GeneratedPrefix = "__g_"

// declSource is a package's declarations with their source text and types: the cell's
// package (the session's files and the cell's) or a standard package that stdSource read.
type declSource struct {
	fset    *token.FileSet
	info    *types.Info
	pkg     *types.Package
	texts   map[*token.File]string
	funcs   map[string]*ast.FuncDecl
	types   map[string]*ast.TypeSpec
	methods map[string][]*ast.FuncDecl
	values  map[string]*ast.ValueSpec
	files   []*ast.File // not yet indexed
}

// index records the package-level declarations of files.
func (d *declSource) index(files []*ast.File) {
	d.funcs, d.types = map[string]*ast.FuncDecl{}, map[string]*ast.TypeSpec{}
	d.methods, d.values = map[string][]*ast.FuncDecl{}, map[string]*ast.ValueSpec{}
	for _, f := range files {
		for _, decl := range f.Decls {
			switch decl := decl.(type) {
			case *ast.FuncDecl:
				if decl.Recv != nil && len(decl.Recv.List) > 0 {
					r := ReceiverName(decl.Recv.List[0].Type)
					d.methods[r] = append(d.methods[r], decl)
				} else if decl.Name.Name != "_" && decl.Name.Name != "init" {
					d.funcs[decl.Name.Name] = decl
				}
			case *ast.GenDecl:
				for _, spec := range decl.Specs {
					switch spec := spec.(type) {
					case *ast.TypeSpec:
						d.types[spec.Name.Name] = spec
					case *ast.ValueSpec:
						for _, n := range spec.Names {
							d.values[n.Name] = spec
						}
					}
				}
			}
		}
	}
}

// text returns the source of n.
func (d *declSource) text(n ast.Node) string {
	tf := d.fset.File(n.Pos())
	return d.texts[tf][tf.Offset(n.Pos()):tf.Offset(n.End())]
}

// instancer writes the Generated declarations that one cell needs.
type instancer struct {
	main   *declSource
	std    *stdSource
	q      *qualifier
	names  map[string]string // instance key → name
	out    []Generated
	used   map[string]string // package name → path, of packages the generated code refers to
	blanks int               // blank fields renamed
	shown  map[string]string // a type argument as the interpreter's code writes it → as %T shows it
	has    func(path, name string) bool
	// cell is the cell's file; cellEdits are edits of it that instances need (a local type
	// hoisted to package level).
	cell      *ast.File
	cellEdits []Edit
}

// instanceError is a generic function or type that cannot be made into code for the
// interpreter.
type instanceError struct {
	what, why string
}

func (e *instanceError) Error() string {
	return fmt.Sprintf("the interpreter cannot run %s: %s", e.what, e.why)
}

// hash32 is the FNV-1a hash of s, for names of generated declarations.
func hash32(s string) uint32 {
	h := fnv.New32a()
	h.Write([]byte(s))
	return h.Sum32()
}

// substitution maps the type parameters of the declaration being instantiated to the Go
// source of their type arguments.
type substitution map[*types.TypeParam]string

// instance returns the name of the instance of the generic function or type name of src with
// type arguments args, writing it first if this cell has not.
// goArgs are the type arguments as Go writes them, where they are known (for Instance).
func (g *instancer) instance(src *declSource, name string, args, goArgs []string) (string, error) {
	of := name + "[" + strings.Join(args, ", ") + "]"
	if src != g.main {
		of = src.pkg.Name() + "." + of
	}
	if src.files != nil {
		src.index(src.files)
		src.files = nil
	}
	fn, isFunc := src.funcs[name]
	spec, isType := src.types[name]
	if !isFunc && !isType {
		return "", &instanceError{of, "its source was not found"}
	}
	// One name for an instance however its generic code changes: a redefinition replaces
	// it, as the cell's own declarations are replaced.
	key := src.pkg.Path() + "." + of
	if n, ok := g.names[key]; ok {
		return n, nil
	}
	inst := fmt.Sprintf("%s%s_%08x", GeneratedPrefix, name, hash32(key))
	g.names[key] = inst
	var err error
	gen := Generated{Name: inst, Of: of, Shown: g.display(name, args)}
	if src == g.main && goArgs != nil {
		gen.Instance = &Instance{Generic: name, Args: goArgs}
	}
	if isFunc {
		gen.Kind = "func"
		gen.Source, err = g.funcInstance(src, fn, inst, args)
	} else {
		gen.Kind = "type"
		gen.Source, err = g.typeInstance(src, spec, inst, args)
	}
	if err != nil {
		return "", err
	}
	g.out = append(g.out, gen)
	return inst, nil
}

// funcInstance writes fn with args for its type parameters, named inst.
func (g *instancer) funcInstance(src *declSource, fn *ast.FuncDecl, inst string, args []string) (string, error) {
	of := fn.Name.Name
	if fn.Body == nil {
		return "", &instanceError{src.pkg.Name() + "." + of, "it is implemented outside Go (in the runtime or assembly)"}
	}
	obj, _ := src.info.Defs[fn.Name].(*types.Func)
	if obj == nil {
		return "", &instanceError{of, "its declaration did not type-check"}
	}
	sub, err := bind(obj.Type().(*types.Signature).TypeParams(), args, of)
	if err != nil {
		return "", err
	}
	fixed := []Edit{{Pos: fn.Name.Pos(), End: fn.Name.End(), Text: inst}}
	if tp := fn.Type.TypeParams; tp != nil {
		fixed = append(fixed, Edit{Pos: tp.Opening, End: tp.Closing + 1})
	}
	return g.rewrite(src, fn, sub, fixed)
}

// typeInstance writes the type spec with args for its type parameters, named inst, and its
// methods.
func (g *instancer) typeInstance(src *declSource, spec *ast.TypeSpec, inst string, args []string) (string, error) {
	of := spec.Name.Name
	obj, _ := src.info.Defs[spec.Name].(*types.TypeName)
	if obj == nil {
		return "", &instanceError{of, "its declaration did not type-check"}
	}
	named := obj.Type().(*types.Named)
	sub, err := bind(named.TypeParams(), args, of)
	if err != nil {
		return "", err
	}
	fixed := []Edit{{Pos: spec.Name.Pos(), End: spec.Name.End(), Text: inst}}
	if tp := spec.TypeParams; tp != nil {
		fixed = append(fixed, Edit{Pos: tp.Opening, End: tp.Closing + 1})
	}
	text, err := g.rewrite(src, spec, sub, fixed)
	if err != nil {
		return "", err
	}
	out := "type " + text + "\n"
	for _, m := range src.methods[of] {
		mobj, _ := src.info.Defs[m.Name].(*types.Func)
		if mobj == nil {
			continue
		}
		msub, err := bind(mobj.Type().(*types.Signature).RecvTypeParams(), args, of+"."+m.Name.Name)
		if err != nil {
			return "", err
		}
		recv := ast.Unparen(m.Recv.List[0].Type)
		if star, ok := recv.(*ast.StarExpr); ok {
			recv = star.X
		}
		if m.Body == nil {
			return "", &instanceError{src.pkg.Name() + "." + of + "." + m.Name.Name, "it is implemented outside Go"}
		}
		text, err := g.rewrite(src, m, msub, []Edit{{Pos: recv.Pos(), End: recv.End(), Text: inst}})
		if err != nil {
			return "", err
		}
		out += text + "\n"
	}
	return out, nil
}

// bind pairs type parameters with their arguments.
func bind(params *types.TypeParamList, args []string, of string) (substitution, error) {
	if params.Len() != len(args) {
		return nil, &instanceError{of, fmt.Sprintf("it has %d type parameters, and %d type arguments were inferred", params.Len(), len(args))}
	}
	sub := substitution{}
	for i := range args {
		sub[params.At(i)] = args[i]
	}
	return sub, nil
}

// rewrite returns the source of node, a declaration of src, with the type parameters of sub
// replaced by their arguments, each use of a generic function or type by its instance, and,
// in a standard package, its helpers by their copies and its imports by the cell's names;
// fixed are edits of the declaration itself (its name, its type parameter list).
func (g *instancer) rewrite(src *declSource, node ast.Node, sub substitution, fixed []Edit) (string, error) {
	edits := slices.Clone(fixed)
	var err error
	skip := func(n ast.Node) bool {
		return slices.ContainsFunc(fixed, func(e Edit) bool { return e.Pos <= n.Pos() && n.End() <= e.End && e.Pos != e.End })
	}
	ast.Inspect(node, func(n ast.Node) bool {
		if err != nil || n == nil || skip(n) {
			return false
		}
		text, replace, e := g.replacement(src, n, sub)
		if e != nil {
			err = e
			return false
		}
		if replace {
			edits = append(edits, Edit{Pos: n.Pos(), End: n.End(), Text: text})
			return false
		}
		return true
	})
	if err != nil {
		return "", err
	}
	full := src.text(node)
	tf := src.fset.File(node.Pos())
	base := tf.Offset(node.Pos())
	slices.SortFunc(edits, func(a, b Edit) int { return int(a.Pos) - int(b.Pos) })
	var b strings.Builder
	at := 0
	for _, e := range edits {
		start, end := tf.Offset(e.Pos)-base, tf.Offset(e.End)-base
		if start < at {
			continue
		}
		b.WriteString(full[at:start])
		b.WriteString(e.Text)
		at = end
	}
	b.WriteString(full[at:])
	return b.String(), nil
}

// replacement returns what n of src becomes in generated code, if it changes.
func (g *instancer) replacement(src *declSource, n ast.Node, sub substitution) (string, bool, error) {
	switch n := n.(type) {
	case *ast.IndexExpr:
		if id := instanceIdent(src.info, n.X); id != nil {
			name, err := g.instanceAt(src, id, sub)
			return name, true, err
		}
	case *ast.IndexListExpr:
		if id := instanceIdent(src.info, n.X); id != nil {
			name, err := g.instanceAt(src, id, sub)
			return name, true, err
		}
	case *ast.SelectorExpr:
		if id := instanceIdent(src.info, n); id != nil {
			name, err := g.instanceAt(src, id, sub)
			return name, true, err
		}
		if obj := qualified(src.info, n); obj != nil && !g.interpreted(obj) {
			owner, err := g.source(src, obj.Pkg())
			if err != nil {
				return "", false, err
			}
			name, err := g.helper(owner, obj)
			return name, true, err
		}
	case *ast.Ident:
		if _, ok := src.info.Instances[n]; ok {
			name, err := g.instanceAt(src, n, sub)
			return name, true, err
		}
		return g.identReplacement(src, n, sub)
	}
	return "", false, nil
}

// instanceIdent returns the identifier of x, a name or a qualified name, when it names an
// instance of a generic function or type.
func instanceIdent(info *types.Info, x ast.Expr) *ast.Ident {
	var id *ast.Ident
	switch x := ast.Unparen(x).(type) {
	case *ast.Ident:
		id = x
	case *ast.SelectorExpr:
		if qualified(info, x) != nil {
			id = x.Sel
		}
	}
	if _, ok := info.Instances[id]; id == nil || !ok {
		return nil
	}
	return id
}

// qualified returns the object of a qualified name pkg.Name of another package.
func qualified(info *types.Info, sel *ast.SelectorExpr) types.Object {
	pkg, ok := sel.X.(*ast.Ident)
	if !ok {
		return nil
	}
	if _, isPkg := info.Uses[pkg].(*types.PkgName); !isPkg {
		return nil
	}
	return info.Uses[sel.Sel]
}

// interpreted reports whether the interpreter has obj, an exported object of a package.
func (g *instancer) interpreted(obj types.Object) bool {
	return g.has == nil || obj.Pkg() == nil || obj.Pkg() == types.Unsafe || g.has(obj.Pkg().Path(), obj.Name())
}

// identReplacement is replacement for a name that is not an instance.
func (g *instancer) identReplacement(src *declSource, id *ast.Ident, sub substitution) (string, bool, error) {
	if v, ok := src.info.Defs[id].(*types.Var); ok && v.IsField() && id.Name == "_" {
		g.blanks++ // the interpreter's structs cannot have two fields named _
		return fmt.Sprintf("_%d", g.blanks), true, nil
	}
	obj := src.info.Uses[id]
	if tn, ok := obj.(*types.TypeName); ok {
		if tp, ok := tn.Type().(*types.TypeParam); ok {
			arg, ok := sub[tp]
			if !ok {
				return "", false, &instanceError{id.Name, "a type parameter without an argument"}
			}
			return parenType(arg), true, nil
		}
	}
	if pn, ok := obj.(*types.PkgName); ok { // the generated file imports what it names
		return g.pkgName(pn.Imported().Path()), true, nil
	}
	if src == g.main || obj == nil {
		return "", false, nil
	}
	if obj.Pkg() != src.pkg || obj.Parent() != src.pkg.Scope() {
		return "", false, nil
	}
	name, err := g.helper(src, obj)
	return name, err == nil, err
}

// parenType writes a type argument so that it parses where a type name stood: (func()) in
// T(x), (*int) in a conversion.
func parenType(t string) string {
	for _, p := range []string{"func", "*", "<-", "chan"} {
		if strings.HasPrefix(t, p) {
			return "(" + t + ")"
		}
	}
	return t
}

// instanceAt returns the name of the instance that id of src denotes, its type arguments
// written with sub.
func (g *instancer) instanceAt(src *declSource, id *ast.Ident, sub substitution) (string, error) {
	inst := src.info.Instances[id]
	args, goArgs, err := g.typeArgs(src, inst.TypeArgs, sub)
	if err != nil {
		return "", err
	}
	obj := src.info.Uses[id]
	if obj == nil {
		obj = src.info.Defs[id]
	}
	if obj == nil || obj.Pkg() == nil {
		return "", &instanceError{id.Name, "it is not a package's generic function or type"}
	}
	owner, err := g.source(src, obj.Pkg())
	if err != nil {
		return "", err
	}
	return g.instance(owner, obj.Name(), args, goArgs)
}

// typeArgs writes the type arguments of an instance for the interpreter and, in the cell's
// own code (sub is nil), as Go writes them.
func (g *instancer) typeArgs(src *declSource, list *types.TypeList, sub substitution) (args, goArgs []string, err error) {
	for i := range list.Len() {
		a, err := g.typeText(src, list.At(i), sub)
		if err != nil {
			return nil, nil, err
		}
		args = append(args, a)
		if sub == nil && src == g.main {
			goArgs = append(goArgs, g.q.typeString(list.At(i)))
			g.shown[a] = shownType(list.At(i))
		}
	}
	return args, goArgs, nil
}

// shownType writes t as %T shows it: instances of generic types with their type arguments
// parted by "," alone, as reflect names them.
func shownType(t types.Type) string {
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || named.TypeArgs().Len() == 0 {
		return types.TypeString(t, func(p *types.Package) string { return p.Name() })
	}
	args := make([]string, named.TypeArgs().Len())
	for i := range args {
		args[i] = shownType(named.TypeArgs().At(i))
	}
	name := named.Obj().Name()
	if pkg := named.Obj().Pkg(); pkg != nil {
		name = pkg.Name() + "." + name
	}
	return name + "[" + strings.Join(args, ",") + "]"
}

// display writes an instance as %T shows it: main.Tree[string,int], main.List[main.Pair[string,int]].
func (g *instancer) display(name string, args []string) string {
	shown := make([]string, len(args))
	for i, a := range args {
		shown[i] = a
		if s, ok := g.shown[a]; ok {
			shown[i] = s
		}
	}
	return name + "[" + strings.Join(shown, ",") + "]"
}

// source returns the declarations of pkg: the cell's own, or a standard package's source.
func (g *instancer) source(from *declSource, pkg *types.Package) (*declSource, error) {
	if pkg.Path() == g.main.pkg.Path() {
		return g.main, nil
	}
	if pkg.Path() == from.pkg.Path() {
		return from, nil
	}
	if g.std == nil {
		return nil, &instanceError{pkg.Path(), "its generic code has no source here"}
	}
	d, err := g.std.pkg(pkg.Path())
	if err != nil {
		return nil, &instanceError{"generic code of package " + pkg.Path(), "the interpreter runs it from the Go installation's source, and " + err.Error() + ": install Go, or write the code without it"}
	}
	return d, nil
}

// helper returns the name by which generated code refers to obj, a package-level object of a
// standard package: the package's own name for what the package exports (the interpreter
// has it, unless it is generic), a copy for the rest.
func (g *instancer) helper(src *declSource, obj types.Object) (string, error) {
	if obj.Exported() && g.interpreted(obj) {
		return g.pkgName(src.pkg.Path()) + "." + obj.Name(), nil
	}
	name := GeneratedPrefix + src.pkg.Name() + "_" + obj.Name()
	key := src.pkg.Path() + "." + obj.Name()
	if _, ok := g.names[key]; ok {
		return name, nil
	}
	g.names[key] = name
	gen := Generated{Name: name, Of: src.pkg.Name() + "." + obj.Name()}
	var err error
	switch obj := obj.(type) {
	case *types.Const:
		t, e := g.typeText(src, obj.Type(), nil)
		gen.Kind, gen.Source, err = "const", fmt.Sprintf("const %s %s = %s\n", name, t, obj.Val().ExactString()), e
	case *types.Var:
		gen.Kind = "var"
		gen.Source, err = g.varCopy(src, obj, name)
	case *types.Func:
		fn := src.funcs[obj.Name()]
		if fn == nil {
			return "", &instanceError{gen.Of, "its source was not found"}
		}
		gen.Kind = "func"
		gen.Source, err = g.funcInstance(src, fn, name, nil)
	case *types.TypeName:
		spec := src.types[obj.Name()]
		if spec == nil {
			return "", &instanceError{gen.Of, "its source was not found"}
		}
		gen.Kind = "type"
		gen.Source, err = g.typeInstance(src, spec, name, nil)
	default:
		err = &instanceError{gen.Of, "the interpreter has no such declaration"}
	}
	if err != nil {
		return "", err
	}
	g.out = append(g.out, gen)
	return name, nil
}

// hoist returns the name of a package-level copy of obj, a type that a function of the cell
// declares, for the instances that it is a type argument of (declared at package level, they
// cannot see it): the local declaration is blanked and its uses name the copy.
func (g *instancer) hoist(obj *types.TypeName) (string, error) {
	key := "local " + g.main.fset.Position(obj.Pos()).String()
	if name, ok := g.names[key]; ok {
		return name, nil
	}
	var spec *ast.TypeSpec
	var decl ast.Node // what to blank: the declaration, or the spec of a group
	if g.cell != nil {
		ast.Inspect(g.cell, func(n ast.Node) bool {
			if gd, ok := n.(*ast.GenDecl); ok && gd.Tok == token.TYPE {
				for _, sp := range gd.Specs {
					if ts := sp.(*ast.TypeSpec); g.main.info.Defs[ts.Name] == obj {
						spec, decl = ts, ts
						if len(gd.Specs) == 1 {
							decl = gd
						}
					}
				}
			}
			return spec == nil
		})
	}
	if spec == nil || spec.TypeParams != nil || spec.Assign.IsValid() {
		return "", &instanceError{obj.Name(), "a type declared inside a function of an earlier cell cannot be a type argument of generic code here: declare it at the top level"}
	}
	name := fmt.Sprintf("%s%s_%08x", GeneratedPrefix, obj.Name(), hash32(key+g.main.text(spec)))
	g.names[key] = name
	text, err := g.rewrite(g.main, spec.Type, nil, nil)
	if err != nil {
		return "", err
	}
	g.out = append(g.out, Generated{Kind: "type", Name: name, Source: "type " + name + " " + text + "\n", Of: obj.Name()})
	g.cellEdits = append(g.cellEdits, blank(g.main.fset, g.main.texts, decl))
	for id, used := range g.main.info.Uses {
		if used == obj && g.cell.Pos() <= id.Pos() && id.End() <= g.cell.End() {
			g.cellEdits = append(g.cellEdits, Edit{Pos: id.Pos(), End: id.End(), Text: name})
		}
	}
	return name, nil
}

// varCopy writes a package variable of a standard package under name.
func (g *instancer) varCopy(src *declSource, obj *types.Var, name string) (string, error) {
	spec := src.values[obj.Name()]
	if spec == nil || len(spec.Names) != 1 {
		return "", &instanceError{src.pkg.Name() + "." + obj.Name(), "its declaration cannot be copied"}
	}
	fixed := []Edit{{Pos: spec.Names[0].Pos(), End: spec.Names[0].End(), Text: name}}
	text, err := g.rewrite(src, spec, nil, fixed)
	if err != nil {
		return "", err
	}
	return "var " + text + "\n", nil
}

// pkgName returns the name by which generated code refers to the package at path.
func (g *instancer) pkgName(path string) string {
	name := g.q.name(path)
	g.used[name] = path
	return name
}

// typeText writes t as Go source of the cell's package, with the type parameters of sub
// replaced by their arguments and instances of generic types by their names.
func (g *instancer) typeText(src *declSource, t types.Type, sub substitution) (string, error) {
	w := typeWriter{g: g, src: src, sub: sub}
	w.write(t)
	return w.b.String(), w.err
}

// typeWriter writes one type for typeText.
type typeWriter struct {
	g   *instancer
	src *declSource
	sub substitution
	b   strings.Builder
	err error
}

func (w *typeWriter) write(t types.Type) {
	switch t := t.(type) {
	case *types.TypeParam:
		arg, ok := w.sub[t]
		if !ok {
			w.err = &instanceError{t.Obj().Name(), "a type parameter without an argument"}
		}
		w.b.WriteString(arg)
	case *types.Basic:
		if t.Kind() == types.UnsafePointer {
			w.b.WriteString(w.g.pkgName("unsafe") + ".")
		}
		w.b.WriteString(t.Name())
	case *types.Alias:
		w.write(types.Unalias(t))
	case *types.Named:
		w.named(t)
	case *types.Pointer:
		w.b.WriteString("*")
		w.write(t.Elem())
	case *types.Slice:
		w.b.WriteString("[]")
		w.write(t.Elem())
	case *types.Array:
		fmt.Fprintf(&w.b, "[%d]", t.Len())
		w.write(t.Elem())
	case *types.Map:
		w.b.WriteString("map[")
		w.write(t.Key())
		w.b.WriteString("]")
		w.write(t.Elem())
	case *types.Chan:
		w.chanType(t)
	case *types.Signature:
		w.b.WriteString("func")
		w.signature(t)
	case *types.Struct:
		w.structType(t)
	case *types.Interface:
		w.interfaceType(t)
	default:
		w.err = &instanceError{t.String(), "its type cannot be written for the interpreter"}
	}
}

func (w *typeWriter) named(t *types.Named) {
	obj := t.Obj()
	switch {
	case t.TypeArgs().Len() > 0:
		args, goArgs, err := w.g.typeArgs(w.src, t.TypeArgs(), w.sub)
		if err != nil {
			w.err = err
			return
		}
		owner, err := w.g.source(w.src, obj.Pkg())
		if err == nil {
			var name string
			name, err = w.g.instance(owner, obj.Name(), args, goArgs)
			w.b.WriteString(name)
		}
		if err != nil {
			w.err = err
		}
	case obj.Pkg() != nil && obj.Pkg().Path() == w.g.main.pkg.Path() && obj.Parent() != nil && obj.Parent() != obj.Pkg().Scope():
		name, err := w.g.hoist(obj)
		if err != nil {
			w.err = err
		}
		w.b.WriteString(name)
	case obj.Pkg() == nil || obj.Pkg().Path() == w.g.main.pkg.Path() || obj.Parent() != obj.Pkg().Scope():
		w.b.WriteString(obj.Name())
	case w.src != w.g.main && obj.Pkg().Path() == w.src.pkg.Path():
		name, err := w.g.helper(w.src, obj)
		if err != nil {
			w.err = err
		}
		w.b.WriteString(name)
	default:
		w.b.WriteString(w.g.pkgName(obj.Pkg().Path()) + "." + obj.Name())
	}
}

func (w *typeWriter) chanType(t *types.Chan) {
	switch t.Dir() {
	case types.SendOnly:
		w.b.WriteString("chan<- ")
	case types.RecvOnly:
		w.b.WriteString("<-chan ")
	default:
		w.b.WriteString("chan ")
	}
	if c, ok := t.Elem().(*types.Chan); ok && c.Dir() == types.RecvOnly && t.Dir() == types.SendRecv {
		w.b.WriteString("(")
		w.write(c)
		w.b.WriteString(")")
		return
	}
	w.write(t.Elem())
}

func (w *typeWriter) signature(t *types.Signature) {
	w.tuple(t.Params(), t.Variadic())
	switch res := t.Results(); res.Len() {
	case 0:
	case 1:
		w.b.WriteString(" ")
		w.write(res.At(0).Type())
	default:
		w.b.WriteString(" ")
		w.tuple(res, false)
	}
}

func (w *typeWriter) tuple(t *types.Tuple, variadic bool) {
	w.b.WriteString("(")
	for i := range t.Len() {
		if i > 0 {
			w.b.WriteString(", ")
		}
		typ := t.At(i).Type()
		if variadic && i == t.Len()-1 {
			w.b.WriteString("...")
			typ = typ.(*types.Slice).Elem()
		}
		w.write(typ)
	}
	w.b.WriteString(")")
}

func (w *typeWriter) structType(t *types.Struct) {
	w.b.WriteString("struct{")
	for i := range t.NumFields() {
		if i > 0 {
			w.b.WriteString("; ")
		}
		f := t.Field(i)
		if !f.Embedded() {
			w.b.WriteString(f.Name() + " ")
		}
		w.write(f.Type())
		if tag := t.Tag(i); tag != "" {
			fmt.Fprintf(&w.b, " %q", tag)
		}
	}
	w.b.WriteString("}")
}

func (w *typeWriter) interfaceType(t *types.Interface) {
	if t.Empty() {
		w.b.WriteString("any")
		return
	}
	w.b.WriteString("interface{")
	for i := range t.NumEmbeddeds() {
		if i > 0 {
			w.b.WriteString("; ")
		}
		w.write(t.EmbeddedType(i))
	}
	for i := range t.NumExplicitMethods() {
		if i > 0 || t.NumEmbeddeds() > 0 {
			w.b.WriteString("; ")
		}
		m := t.ExplicitMethod(i)
		w.b.WriteString(m.Name())
		w.signature(m.Type().(*types.Signature))
	}
	w.b.WriteString("}")
}
