package complete

import (
	"reflect"
	"sort"
	"strings"

	"github.com/concurlab/concurlab/kernel/engine"
)

// Scope is what the evaluator knows of the session (kernel/eval implements it).
type Scope interface {
	// Sources returns every declaration chunk the session holds (imports, funcs, types,
	// methods, vars, consts) as Go source.
	Sources() []string
	// Imports maps each package name usable in cells to its import path ("rand" →
	// "math/rand", "concur" → "concur").
	Imports() map[string]string
	// Value returns the current value of a session variable.
	Value(name string) (reflect.Value, bool)
}

// Completer completes and inspects Go cells against the compiled packages cells can import.
type Completer struct {
	packages map[string]map[string]reflect.Value // by import path
	// known maps each package name to an import path, for packages a cell has not imported
	// yet: the shortest path wins where two share a name (math/rand over crypto/rand).
	known map[string]string
}

// New makes a Completer over yaegi symbol tables, keyed "importpath/pkgname" as yaegi keys
// them (stdlib.Symbols merged with symbols.Exports()).
func New(packages map[string]map[string]reflect.Value) *Completer {
	c := &Completer{packages: map[string]map[string]reflect.Value{}, known: map[string]string{}}
	for key, table := range packages {
		i := strings.LastIndex(key, "/")
		if i <= 0 {
			continue
		}
		path, name := key[:i], key[i+1:]
		c.packages[path] = table
		if old, ok := c.known[name]; !ok || len(path) < len(old) || len(path) == len(old) && path < old {
			c.known[name] = path
		}
	}
	return c
}

// ImportPath returns the import path of the package that cells can import as name, when
// there is one ("rand" → "math/rand"), for hints about a package a cell forgot to import.
func (c *Completer) ImportPath(name string) (string, bool) {
	path, ok := c.known[name]
	return path, ok
}

// view is what one request sees of the session: the declarations of the session and of the
// cell, merged, with the packages they import.
type view struct {
	decls   *declarations
	imports map[string]string
	scope   Scope
}

func (c *Completer) newView(code string, s Scope) view {
	d := newDeclarations()
	for _, src := range s.Sources() {
		d.addSource(src)
	}
	d.addSource(code)
	imports := map[string]string{}
	for name, path := range c.known {
		imports[name] = path
	}
	for name, path := range s.Imports() {
		imports[name] = path
	}
	for name, path := range d.imports {
		imports[name] = path
	}
	return view{decls: d, imports: imports, scope: s}
}

// Complete proposes the names that can be written at cursor (in code points): names in
// scope, members of a package after "pkg.", fields and methods of a value after "v.";
// nothing inside a string or a comment.
// Metadata carries each match's kind and signature under _jupyter_types_experimental.
func (c *Completer) Complete(code string, cursor int, s Scope) engine.Completion {
	off := byteOffset(code, cursor)
	ref := referenceAt(code, off, false)
	sv := c.newView(code, s)
	var candidates []member
	switch {
	case inLiteral(code, off):
	case len(ref.chain) == 0:
		candidates = sv.namesInScope()
	default:
		candidates = c.selectable(sv, ref.chain)
	}
	start, end := codePoints(code, ref.start), codePoints(code, ref.end)
	matches, types := []string{}, []any{}
	for _, m := range filter(candidates, ref.name) {
		matches = append(matches, m.name)
		types = append(types, map[string]any{
			"start": start, "end": end, "text": m.name, "type": m.kind, "signature": m.signature,
		})
	}
	return engine.Completion{
		Matches:     matches,
		CursorStart: start,
		CursorEnd:   end,
		Metadata:    map[string]any{"_jupyter_types_experimental": types},
	}
}

// namesInScope lists the declarations of the session and cell, imported packages,
// keywords and builtins.
func (sv view) namesInScope() []member {
	d := sv.decls
	var ms []member
	for name, f := range d.funcs {
		ms = append(ms, member{name: name, kind: "function", signature: d.funcSignature(f, false)})
	}
	for name, t := range d.types {
		ms = append(ms, member{name: name, kind: "type", signature: "type " + d.source(t.spec)})
	}
	for name, v := range d.values {
		ms = append(ms, member{name: name, kind: v.kind, signature: sv.valueSignature(name, v)})
	}
	for name, path := range sv.imports {
		ms = append(ms, member{name: name, kind: "package", signature: `import "` + path + `"`})
	}
	for _, k := range keywords {
		ms = append(ms, member{name: k, kind: "keyword"})
	}
	for name, kind := range builtins {
		ms = append(ms, member{name: name, kind: kind, signature: builtinSignature(name)})
	}
	return ms
}

func (sv view) valueSignature(name string, v valueDecl) string {
	keyword := "var "
	if v.kind == "constant" {
		keyword = "const "
	}
	switch {
	case v.typ != nil:
		return keyword + name + " " + sv.decls.source(v.typ)
	case v.value != nil:
		return keyword + name + " = " + sv.decls.source(v.value)
	}
	if val, ok := sv.scope.Value(name); ok && val.IsValid() {
		return keyword + name + " " + val.Type().String()
	}
	return keyword + name
}

func builtinSignature(name string) string {
	if d, ok := lookupDocs("builtin", name); ok {
		return firstLine(d.Decl)
	}
	return ""
}

// selectable lists what can follow "a.b." given the chain [a b]: a package's members, or the
// fields and methods of a value's type.
func (c *Completer) selectable(sv view, chain []string) []member {
	if path, ok := sv.imports[chain[0]]; ok && len(chain) == 1 && !sv.declaresValue(chain[0]) {
		ms := packageMembers(c.packages[path])
		for i := range ms {
			if d, ok := lookupDocs(path, ms[i].name); ok {
				ms[i].signature = firstLine(d.Decl)
			}
		}
		return ms
	}
	t := c.valueType(sv, chain)
	switch {
	case t.source != "":
		return sv.decls.sourceMembers(t.source)
	case t.compiled != nil:
		ms := compiledMembers(t.compiled)
		addMethodDocs(ms, t.compiled)
		return ms
	}
	return nil
}

func (sv view) declaresValue(name string) bool {
	_, ok := sv.decls.values[name]
	return ok
}

// valueType resolves the type of the value that the chain [a b c] names (a.b.c): a's
// declared or inferred type, else the type of a's current value, then each field in turn.
func (c *Completer) valueType(sv view, chain []string) typeRef {
	var t typeRef
	if chain[0] == "" { // a call, an index or a literal before the dot
		return t
	}
	if v, ok := sv.decls.values[chain[0]]; ok {
		if v.typ != nil {
			t = c.typeOfExpr(sv.decls, v.typ, sv.imports)
		} else if v.value != nil {
			t = c.typeOfValue(sv.decls, v.value, sv.imports)
		}
	}
	if !t.known() {
		if val, ok := sv.scope.Value(chain[0]); ok && val.IsValid() {
			if val.Kind() == reflect.Interface && !val.IsNil() {
				val = val.Elem()
			}
			t = typeRef{compiled: val.Type()}
			if name := sv.decls.interpretedType(val.Type()); name != "" {
				t = typeRef{source: name}
			}
		}
	}
	for _, field := range chain[1:] {
		if !t.known() {
			break
		}
		t = c.fieldType(sv.decls, t, field, sv.imports)
	}
	return t
}

// addMethodDocs replaces reflect's method signatures with the documented declarations.
func addMethodDocs(ms []member, t reflect.Type) {
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	for i, m := range ms {
		if d, ok := lookupDocs(t.PkgPath(), t.Name()+"."+m.name); ok && m.kind == "method" {
			ms[i].signature = firstLine(d.Decl)
		}
	}
}

// filter keeps the candidates that start with prefix, without duplicates, sorted by name.
func filter(candidates []member, prefix string) []member {
	seen := map[string]bool{}
	var out []member
	for _, m := range candidates {
		if m.name == "" || seen[m.name] || !strings.HasPrefix(m.name, prefix) {
			continue
		}
		seen[m.name] = true
		out = append(out, m)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	return out
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
