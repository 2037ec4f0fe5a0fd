package complete

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"reflect"
	"slices"
	"strings"
	"unicode"
)

// member is a candidate name with what completion and inspection show of it.
type member struct {
	name      string
	kind      string // "function", "type", "variable", "constant", "field", "method", "package", "keyword"
	signature string
}

// typeRef is what is known of a value's type: the name of a type that Go source in the
// session declares, or a compiled type.
type typeRef struct {
	source   string
	compiled reflect.Type
}

func (t typeRef) known() bool { return t.source != "" || t.compiled != nil }

// packageMembers lists the exported names of a compiled package's symbol table.
func packageMembers(table map[string]reflect.Value) []member {
	var ms []member
	for name, v := range table {
		if strings.HasPrefix(name, "_") {
			continue
		}
		ms = append(ms, symbolMember(name, v))
	}
	return ms
}

// symbolMember describes one entry of a yaegi symbol table: types are nil pointers to the
// type, variables are addressable, constants are go/constant values or plain values.
func symbolMember(name string, v reflect.Value) member {
	switch {
	case v.Kind() == reflect.Func:
		return member{name: name, kind: "function", signature: "func " + name + strings.TrimPrefix(v.Type().String(), "func")}
	case v.CanAddr():
		return member{name: name, kind: "variable", signature: "var " + name + " " + v.Type().String()}
	case v.Kind() == reflect.Pointer && v.IsNil():
		return member{name: name, kind: "type", signature: "type " + name + " " + v.Type().Elem().Kind().String()}
	}
	if c, ok := v.Interface().(constant.Value); ok {
		return member{name: name, kind: "constant", signature: "const " + name + " = " + c.ExactString()}
	}
	return member{name: name, kind: "constant", signature: "const " + name + " " + v.Type().String() + " = " + shortValue(v)}
}

// shortValue prints v on one line of at most 40 characters.
func shortValue(v reflect.Value) string {
	s := []rune(strings.Join(strings.Fields(fmt.Sprint(v.Interface())), " "))
	if len(s) > 40 {
		return string(s[:40]) + "…"
	}
	return string(s)
}

// compiledMembers lists the exported fields and methods of a compiled type (and of its
// pointer, whose method set is the larger).
func compiledMembers(t reflect.Type) []member {
	var ms []member
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() == reflect.Struct {
		for i := range t.NumField() {
			f := t.Field(i)
			name := fieldName(t, f)
			if name == "" {
				continue
			}
			ms = append(ms, member{name: name, kind: "field", signature: name + " " + f.Type.String()})
		}
	}
	methods := t
	if t.Kind() != reflect.Interface {
		methods = reflect.PointerTo(t)
	}
	for i := range methods.NumMethod() {
		m := methods.Method(i)
		sig := m.Type.String()
		if t.Kind() != reflect.Interface {
			sig = "func" + strings.TrimPrefix(methodType(m.Type), "func")
		}
		ms = append(ms, member{name: m.Name, kind: "method", signature: m.Name + strings.TrimPrefix(sig, "func")})
	}
	return ms
}

// fieldName is the name a cell writes for field f: exported compiled fields as they are, and
// the fields of yaegi's interpreted struct types, which yaegi exports by prefixing "X".
func fieldName(t reflect.Type, f reflect.StructField) string {
	if !f.IsExported() {
		return ""
	}
	if t.Name() == "" && strings.HasPrefix(f.Name, "X") && len(f.Name) > 1 && !unicode.IsUpper(rune(f.Name[1])) {
		return f.Name[1:]
	}
	return f.Name
}

// methodType prints a method's func type without its receiver parameter.
func methodType(t reflect.Type) string {
	in := make([]string, 0, t.NumIn())
	for i := 1; i < t.NumIn(); i++ {
		p := t.In(i).String()
		if t.IsVariadic() && i == t.NumIn()-1 {
			p = "..." + strings.TrimPrefix(p, "[]")
		}
		in = append(in, p)
	}
	out := make([]string, t.NumOut())
	for i := range out {
		out[i] = t.Out(i).String()
	}
	s := "func(" + strings.Join(in, ", ") + ")"
	switch len(out) {
	case 0:
	case 1:
		s += " " + out[0]
	default:
		s += " (" + strings.Join(out, ", ") + ")"
	}
	return s
}

// sourceMembers lists the fields and methods of a type that the session declares.
func (d *declarations) sourceMembers(name string) []member {
	var ms []member
	if td, ok := d.types[name]; ok {
		if st, ok := td.spec.Type.(*ast.StructType); ok {
			for _, f := range st.Fields.List {
				for _, n := range fieldNames(f) {
					ms = append(ms, member{name: n, kind: "field", signature: n + " " + d.source(f.Type)})
				}
			}
		}
	}
	for _, m := range d.methods[name] {
		ms = append(ms, member{name: m.Name.Name, kind: "method", signature: m.Name.Name + strings.TrimPrefix(d.source(m.Type), "func")})
	}
	return ms
}

// fieldNames are the names of a field list entry; an embedded field is named by its type.
func fieldNames(f *ast.Field) []string {
	if len(f.Names) == 0 {
		return []string{receiverName(selectorBase(f.Type))}
	}
	names := make([]string, len(f.Names))
	for i, n := range f.Names {
		names[i] = n.Name
	}
	return names
}

func selectorBase(e ast.Expr) ast.Expr {
	switch e := e.(type) {
	case *ast.StarExpr:
		return selectorBase(e.X)
	case *ast.SelectorExpr:
		return e.Sel
	}
	return e
}

// typeOfExpr resolves a type expression written in the session: a declared type, or a
// type of an imported compiled package.
func (c *Completer) typeOfExpr(d *declarations, e ast.Expr, imports map[string]string) typeRef {
	switch e := e.(type) {
	case *ast.StarExpr:
		return c.typeOfExpr(d, e.X, imports)
	case *ast.ParenExpr:
		return c.typeOfExpr(d, e.X, imports)
	case *ast.Ident:
		if _, ok := d.types[e.Name]; ok {
			return typeRef{source: e.Name}
		}
	case *ast.SelectorExpr:
		if pkg, ok := e.X.(*ast.Ident); ok {
			if v, ok := c.packages[imports[pkg.Name]][e.Sel.Name]; ok && v.Kind() == reflect.Pointer && v.IsNil() {
				return typeRef{compiled: v.Type().Elem()}
			}
		}
	}
	return typeRef{}
}

// typeOfValue infers the static type of an initialiser: a composite literal, its address,
// new(T), or the first result of a session func or a compiled package func.
func (c *Completer) typeOfValue(d *declarations, e ast.Expr, imports map[string]string) typeRef {
	switch e := e.(type) {
	case *ast.CompositeLit:
		return c.typeOfExpr(d, e.Type, imports)
	case *ast.UnaryExpr:
		if e.Op == token.AND {
			return c.typeOfValue(d, e.X, imports)
		}
	case *ast.CallExpr:
		return c.resultType(d, e, imports)
	}
	return typeRef{}
}

func (c *Completer) resultType(d *declarations, call *ast.CallExpr, imports map[string]string) typeRef {
	switch fun := call.Fun.(type) {
	case *ast.Ident:
		if fun.Name == "new" && len(call.Args) == 1 {
			return c.typeOfExpr(d, call.Args[0], imports)
		}
		if f, ok := d.funcs[fun.Name]; ok && f.Type.Results != nil && len(f.Type.Results.List) > 0 {
			return c.typeOfExpr(d, f.Type.Results.List[0].Type, imports)
		}
	case *ast.SelectorExpr:
		if pkg, ok := fun.X.(*ast.Ident); ok {
			if v, ok := c.packages[imports[pkg.Name]][fun.Sel.Name]; ok && v.Kind() == reflect.Func && v.Type().NumOut() > 0 {
				return typeRef{compiled: v.Type().Out(0)}
			}
		}
	}
	return typeRef{}
}

// fieldType is the type of field name of t, for walking a chain such as p.inner.name.
func (c *Completer) fieldType(d *declarations, t typeRef, name string, imports map[string]string) typeRef {
	if t.compiled != nil {
		ct := t.compiled
		if ct.Kind() == reflect.Pointer {
			ct = ct.Elem()
		}
		if ct.Kind() == reflect.Struct {
			if f, ok := ct.FieldByName(name); ok {
				return typeRef{compiled: f.Type}
			}
			if f, ok := ct.FieldByName("X" + name); ok && ct.Name() == "" {
				return typeRef{compiled: f.Type}
			}
		}
		return typeRef{}
	}
	if st, ok := d.types[t.source].spec.Type.(*ast.StructType); ok {
		for _, f := range st.Fields.List {
			for _, n := range fieldNames(f) {
				if n == name {
					return c.typeOfExpr(d, f.Type, imports)
				}
			}
		}
	}
	return typeRef{}
}

// interpretedType names the session's struct type that t, a struct type that yaegi made for
// an interpreted type, stands for: yaegi's types have no name, so the one declared struct
// with the same field names is taken. It returns "" when none or several match.
func (d *declarations) interpretedType(t reflect.Type) string {
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct || t.Name() != "" {
		return ""
	}
	var fields []string
	for i := range t.NumField() {
		fields = append(fields, fieldName(t, t.Field(i)))
	}
	match := ""
	for name, td := range d.types {
		st, ok := td.spec.Type.(*ast.StructType)
		if !ok {
			continue
		}
		var declared []string
		for _, f := range st.Fields.List {
			declared = append(declared, fieldNames(f)...)
		}
		if slices.Equal(fields, declared) {
			if match != "" {
				return ""
			}
			match = name
		}
	}
	return match
}
