package eval

import (
	"context"
	"fmt"
	"go/types"
	"reflect"
	"slices"
	"strings"

	"github.com/traefik/yaegi/interp"

	"github.com/concurlab/concurlab/kernel/gofront"
)

// yaegi builds the session's types without methods that reflect sees, and the wrapper in
// which it passes a struct value with methods to an interface parameter keeps the struct's
// last field instead of the struct. So the print functions and errors' functions take the
// values as they are, and call their methods through a registry: for each session type with
// methods that fmt or errors call (the front end knows its method sets), the interpreter
// gives a function that binds them to a receiver.

// cellMethods are the methods of a session type that fmt and errors call.
type cellMethods struct {
	goType  string   // the type's name, as %T prints it
	value   []string // the methods of its values
	pointer []string // the methods that only a pointer to it has
	// bind is the interpreted func(*T) []any that returns the methods, value then pointer
	// ones, bound to its receiver (boundMethod).
	bind reflect.Value
}

// registerMethods is __rt.Methods(name, (*T)(nil), value, pointer, bind): it records the
// methods of the session type name, value and pointer being space-separated method names.
func (h *hostRuntime) registerMethods(name string, ptr any, value, pointer string, bind any) {
	t := reflect.TypeOf(unwrap(ptr))
	if t == nil || t.Kind() != reflect.Pointer {
		return
	}
	cm := &cellMethods{goType: sessionPackage + "." + name, value: strings.Fields(value), pointer: strings.Fields(pointer),
		bind: reflect.ValueOf(bind)}
	h.mu.Lock()
	defer h.mu.Unlock()
	h.named[cm.goType] = cm
	if t.Elem().Kind() == reflect.Struct {
		h.methods[t.Elem()] = cm
	}
}

// methodsFor returns the registered methods of a value of type t, or of the session type
// goType when it is known, and whether the value is a pointer to that type.
func (h *hostRuntime) methodsFor(t reflect.Type, goType string) (*cellMethods, bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if goType != "" {
		name, isPtr := strings.CutPrefix(goType, "*")
		cm := h.named[name]
		return cm, isPtr && cm != nil
	}
	if cm := h.methods[t]; cm != nil {
		return cm, false
	}
	if t.Kind() == reflect.Pointer {
		if cm := h.methods[t.Elem()]; cm != nil {
			return cm, true
		}
	}
	return nil, false
}

// boundMethods are the registered methods of one value.
type boundMethods struct {
	cm    *cellMethods
	v     reflect.Value // the value, or a pointer to it when isPtr
	isPtr bool
}

// cellMethodsOf returns the registered methods of v, of the Go type goType when known, or nil.
func (h *hostRuntime) cellMethodsOf(v reflect.Value, goType string) *boundMethods {
	if !v.IsValid() {
		return nil
	}
	cm, isPtr := h.methodsFor(v.Type(), goType)
	if cm == nil || isPtr != (v.Kind() == reflect.Pointer) {
		return nil
	}
	return &boundMethods{cm, v, isPtr}
}

// has reports whether the value's method set holds the method name.
func (b *boundMethods) has(name string) bool { return b.cm.has(name, b.isPtr) }

// has reports whether the method set of the type, or of the pointer to it, holds name.
func (cm *cellMethods) has(name string, isPtr bool) bool {
	return slices.Contains(cm.value, name) || isPtr && slices.Contains(cm.pointer, name)
}

// method returns the method name bound to the value: func() string for String, Error and
// GoString, func(fmt.State, rune) for Format, func() error or func() []error for Unwrap,
// func(error) bool for Is, func(any) bool for As. Binding a value method to a nil pointer
// panics, as calling it does in Go.
func (b *boundMethods) method(name string) any {
	recv := b.v
	if !b.isPtr {
		recv = reflect.New(b.v.Type())
		recv.Elem().Set(b.v)
	}
	bound := b.cm.bind.Call([]reflect.Value{recv})[0].Interface().([]any)
	if i := slices.Index(b.cm.value, name); i >= 0 {
		return bound[i]
	}
	return bound[len(b.cm.value)+slices.Index(b.cm.pointer, name)]
}

// registerMethods gives the host runtime the methods of the session's types whose method
// sets changed since they were last registered, or that decls declare.
func (s *Session) registerMethods(ctx context.Context, in *interp.Interpreter, decls []declaration) {
	if !slices.ContainsFunc(decls, func(d declaration) bool {
		return len(varNames(d.keys, "type ")) > 0 || len(varNames(d.keys, "method ")) > 0
	}) {
		return // funcs, vars and consts change no method set
	}
	ck := s.checked
	if ck == nil {
		var errs []gofront.Error
		if ck, errs = s.front.Check(s.frontSession(), "", nil); len(errs) > 0 {
			return
		}
	}
	declared := declaredNames(decls, "type ")
	for _, tm := range gofront.PackageMethods(ck.Pkg) {
		src := methodsSource(tm)
		if !s.rt.methodsChanged(tm.Name, src) && !slices.Contains(declared, tm.Name) {
			continue
		}
		_ = s.evalIn(ctx, in, src) // a type that yaegi refused is skipped, as registerTypes does
	}
	for _, name := range declared {
		if src, ok := fieldsSource(ck.Pkg, name); ok {
			_ = s.evalIn(ctx, in, src)
		}
	}
}

// fieldsSource is the call of __rt.Fields that registers the Go types of the fields of the
// struct type name of pkg, when one of them mentions a type of the session (a field of type
// Celsius is a float64 to reflect, and the printer calls its methods by its Go name).
func fieldsSource(pkg *types.Package, name string) (string, bool) {
	tn, ok := pkg.Scope().Lookup(name).(*types.TypeName)
	if !ok || tn.IsAlias() {
		return "", false
	}
	named, ok := tn.Type().(*types.Named)
	if !ok || named.TypeParams().Len() > 0 {
		return "", false
	}
	st, ok := named.Underlying().(*types.Struct)
	if !ok {
		return "", false
	}
	var fields []string // "" for a field of no session type, which fmt prints as Go does
	session := false
	for f := range st.Fields() {
		ft := ""
		if mentionsPackage(f.Type(), pkg) {
			ft, session = types.TypeString(f.Type(), func(p *types.Package) string { return p.Name() }), true
		}
		fields = append(fields, ft)
	}
	if !session {
		return "", false
	}
	return fmt.Sprintf("__rt.Fields(%q, %q)", name, strings.Join(fields, "\n")), true
}

// mentionsPackage reports whether the type string of t names a type of pkg.
func mentionsPackage(t types.Type, pkg *types.Package) bool {
	mentions := false
	types.TypeString(t, func(p *types.Package) string {
		mentions = mentions || p == pkg
		return p.Name()
	})
	return mentions
}

// registerFields is __rt.Fields(name, fields): it records the Go types of the fields of the
// session's struct type name, fields being one type a line.
func (h *hostRuntime) registerFields(name, fields string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.fields[sessionPackage+"."+name] = strings.Split(fields, "\n")
}

// fieldTypes returns the Go types of the fields of a struct value of type t, whose Go type
// is goType when known, or nil when the registry has none.
func (p *goPrinter) fieldTypes(t reflect.Type, goType string) []string {
	if goType == "" {
		goType, _ = p.sessionName(t)
	}
	p.h.mu.Lock()
	defer p.h.mu.Unlock()
	if fields := p.h.fields[goType]; len(fields) == t.NumField() {
		return fields
	}
	return nil
}

// elemType returns the Go type of the elements of a slice or array of the Go type goType
// written as []E or [N]E, or "" when it is not known.
func elemType(goType string) string {
	if !strings.HasPrefix(goType, "[") {
		return ""
	}
	_, elem, _ := strings.Cut(goType, "]")
	return elem
}

// methodsSource is the call of __rt.Methods that registers the methods of tm.
func methodsSource(tm gofront.TypeMethods) string {
	var bound []string
	for _, m := range slices.Concat(tm.Value, tm.Pointer) {
		bound = append(bound, boundMethod(m))
	}
	return fmt.Sprintf("__rt.Methods(%[1]q, (*%[1]s)(nil), %[2]q, %[3]q, func(p *%[1]s) []any { return []any{%[4]s} })",
		tm.Name, strings.Join(tm.Value, " "), strings.Join(tm.Pointer, " "), strings.Join(bound, ", "))
}

// boundMethod is the method m of p bound to p: a closure for those that Go may call on a
// nil pointer (a method value of one would dereference it at once), the method value for
// Format and Unwrap, whose signatures vary or name fmt.
func boundMethod(m string) string {
	switch m {
	case "String", "Error", "GoString":
		return "func() string { return p." + m + "() }"
	case "Is":
		return "func(target error) bool { return p.Is(target) }"
	case "As":
		return "func(target any) bool { return p.As(target) }"
	}
	return "p." + m
}

// methodsChanged records src as the registration of the methods of the type name, and
// reports whether it differs from the last one.
func (h *hostRuntime) methodsChanged(name, src string) bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.registered[name] == src {
		return false
	}
	h.registered[name] = src
	return true
}
