package eval

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Values of cell-declared types reach fmt as yaegi built them: struct types made by
// reflect.StructOf (no name, an unexported field x renamed Xx), named non-struct types as
// their underlying type, without methods that reflect sees (an interface value of one is in
// a wrapper of yaegi's, a stdlib._fmt_Stringer). The print functions of cells rewrite such
// arguments first: each becomes a goValue, a fmt.Formatter that prints by Go's rules with
// Go's names, calling the methods that Go's fmt calls from the registry of the session's
// methods (cellmethods.go), and a %T of one takes the Go type's name instead.

// sessionPackage is the package that Go shows for the session's types.
const sessionPackage = "main"

// goTyped is a value with the Go type that the front end knows for it (Typed).
type goTyped struct {
	value  any
	goType string
}

// typed is __rt.Typed, the contract with the front end's lowering: an argument of a print
// function whose static type is a named session type that reflect cannot see (type Celsius
// float64 is a float64 in yaegi) is passed as __rt.Typed(c, "main.Celsius"); goType is the
// type as Go's %T prints it.
func typed(v any, goType string) any { return goTyped{v, goType} }

// goPrinter rewrites the arguments of the print functions of one interpreter.
type goPrinter struct {
	h        *hostRuntime
	involved sync.Map // reflect.Type → bool: fmt may print a value of the type unlike Go
}

func newGoPrinter(h *hostRuntime) *goPrinter { return &goPrinter{h: h} }

var goTypedT = reflect.TypeFor[goTyped]()

// isWrapper reports whether t is one of yaegi's interface wrappers, whose first field holds
// the interpreted value and whose methods call the interpreted methods, or a sessionError.
func isWrapper(t reflect.Type) bool {
	switch t.PkgPath() {
	case "github.com/traefik/yaegi/stdlib":
		return strings.HasPrefix(t.Name(), "_fmt_")
	case "github.com/traefik/yaegi/interp":
		return t.Name() == "_error"
	}
	return t == sessionErrorT
}

// isBox reports whether t is yaegi's valueInterface, a value of an interpreted interface type.
func isBox(t reflect.Type) bool {
	return t.Name() == "valueInterface" && t.PkgPath() == "github.com/traefik/yaegi/interp"
}

// operand is an argument as Go sees it.
type operand struct {
	v       reflect.Value // the concrete value, out of boxes and wrappers
	goType  string        // its Go type, when the front end said (Typed)
	methods printMethods  // the methods of the value that fmt calls, or nil
}

// plainOperand takes a out of goTyped, yaegi's boxes and wrappers, with the methods of a
// wrapper or of a compiled value.
func plainOperand(a any) operand {
	var op operand
	for {
		a = unwrap(a)
		switch t := reflect.TypeOf(a); {
		case t == goTypedT:
			g := a.(goTyped)
			op.goType, a = g.goType, g.value
			continue
		case t != nil && isWrapper(t):
			op.methods = hostMethods{a}
			a = reflect.ValueOf(a).Field(0).Interface()
			continue
		}
		op.v = reflect.ValueOf(a)
		if op.methods == nil && op.v.IsValid() && hasPrintMethods(op.v.Type()) {
			op.methods = hostMethods{a}
		}
		return op
	}
}

// operandOf is plainOperand with the registered methods of a value of a session type.
func (p *goPrinter) operandOf(a any) operand {
	op := plainOperand(a)
	if op.methods == nil {
		op.methods = p.cellMethods(op.v, op.goType)
	}
	return op
}

// cellMethods returns the registered methods of v, whose Go type is goType when known, or nil.
func (p *goPrinter) cellMethods(v reflect.Value, goType string) printMethods {
	if bm := p.h.cellMethodsOf(v, goType); bm != nil {
		return bm
	}
	return nil
}

// printMethods are the methods of a value that fmt calls: String, Error, GoString, Format.
type printMethods interface {
	has(name string) bool
	// method returns the method bound to the value, as a func() string, or a
	// func(fmt.State, rune) for Format.
	method(name string) any
}

// hostMethods are the methods of a compiled value, or of a wrapper of yaegi's.
type hostMethods struct{ w any }

func (h hostMethods) has(name string) bool { return h.method(name) != nil }

func (h hostMethods) method(name string) any {
	switch name {
	case "Format":
		if f, ok := h.w.(fmt.Formatter); ok {
			return f.Format
		}
	case "GoString":
		if g, ok := h.w.(fmt.GoStringer); ok {
			return g.GoString
		}
	case "Error":
		if e, ok := h.w.(error); ok {
			return e.Error
		}
	case "String":
		if st, ok := h.w.(fmt.Stringer); ok {
			return st.String
		}
	}
	return nil
}

// needsGo reports whether fmt may print a unlike Go; false at once for the common plain types.
func (p *goPrinter) needsGo(a any) bool {
	switch a.(type) {
	case nil, string, int, int64, int32, uint8, uint, uint64, float64, float32, bool, []byte:
		return false
	}
	return p.involves(reflect.TypeOf(a))
}

// involves reports whether a value of type t is or may hold a value of a session type or of
// a yaegi wrapper. Named compiled types are printed by fmt as Go would.
func (p *goPrinter) involves(t reflect.Type) bool {
	if known, ok := p.involved.Load(t); ok {
		return known.(bool)
	}
	var yes bool
	switch {
	case t == goTypedT || isWrapper(t) || isBox(t):
		yes = true
	case t.Name() != "":
		yes = false
	default:
		switch t.Kind() {
		case reflect.Struct, reflect.Interface:
			yes = true
		case reflect.Pointer, reflect.Slice, reflect.Array, reflect.Chan:
			yes = p.involves(t.Elem())
		case reflect.Map:
			yes = p.involves(t.Key()) || p.involves(t.Elem())
		case reflect.Func:
			for i := range t.NumIn() {
				yes = yes || p.involves(t.In(i))
			}
			for i := range t.NumOut() {
				yes = yes || p.involves(t.Out(i))
			}
		}
	}
	p.involved.Store(t, yes)
	return yes
}

// sessionName returns the Go name of t when t is a struct type that the session declared.
func (p *goPrinter) sessionName(t reflect.Type) (string, bool) {
	if t.Kind() != reflect.Struct || t.Name() != "" {
		return "", false
	}
	p.h.mu.Lock()
	name, ok := p.h.types[t]
	p.h.mu.Unlock()
	if !ok {
		return "", false
	}
	return sessionPackage + "." + name, true
}

// typeName returns t as Go's %T prints it.
func (p *goPrinter) typeName(t reflect.Type) string {
	if name, ok := p.sessionName(t); ok {
		return name
	}
	if t.Name() != "" {
		return t.String()
	}
	if isBox(t) {
		return "interface {}"
	}
	switch t.Kind() {
	case reflect.Pointer:
		return "*" + p.typeName(t.Elem())
	case reflect.Slice:
		return "[]" + p.typeName(t.Elem())
	case reflect.Array:
		return "[" + strconv.Itoa(t.Len()) + "]" + p.typeName(t.Elem())
	case reflect.Map:
		return "map[" + p.typeName(t.Key()) + "]" + p.typeName(t.Elem())
	case reflect.Chan:
		return p.chanName(t)
	case reflect.Func:
		return p.funcName(t)
	case reflect.Struct:
		return p.structName(t)
	}
	return t.String()
}

func (p *goPrinter) chanName(t reflect.Type) string {
	elem := p.typeName(t.Elem())
	switch t.ChanDir() {
	case reflect.RecvDir:
		return "<-chan " + elem
	case reflect.SendDir:
		return "chan<- " + elem
	}
	if t.Elem().Kind() == reflect.Chan && t.Elem().ChanDir() == reflect.RecvDir {
		elem = "(" + elem + ")"
	}
	return "chan " + elem
}

func (p *goPrinter) funcName(t reflect.Type) string {
	in := make([]string, t.NumIn())
	for i := range in {
		if t.IsVariadic() && i == len(in)-1 {
			in[i] = "..." + p.typeName(t.In(i).Elem())
			continue
		}
		in[i] = p.typeName(t.In(i))
	}
	out := make([]string, t.NumOut())
	for i := range out {
		out[i] = p.typeName(t.Out(i))
	}
	s := "func(" + strings.Join(in, ", ") + ")"
	switch len(out) {
	case 0:
		return s
	case 1:
		return s + " " + out[0]
	}
	return s + " (" + strings.Join(out, ", ") + ")"
}

func (p *goPrinter) structName(t reflect.Type) string {
	if t.NumField() == 0 {
		return "struct {}"
	}
	fields := make([]string, t.NumField())
	for i := range fields {
		f := t.Field(i)
		s := p.typeName(f.Type)
		if !f.Anonymous {
			s = goFieldName(t, i) + " " + s
		}
		if f.Tag != "" {
			s += " " + strconv.Quote(string(f.Tag))
		}
		fields[i] = s
	}
	return "struct { " + strings.Join(fields, "; ") + " }"
}

// goFieldName returns the Go name of field i of t. yaegi builds a struct type's fields all
// exported, an unexported name x as Xx (exportName in interp/type.go); a compiled struct
// keeps its names, and marks its unexported fields with their package path.
func goFieldName(t reflect.Type, i int) string {
	name := t.Field(i).Name
	if t.Name() != "" || !yaegiStruct(t) {
		return name
	}
	if rest, ok := strings.CutPrefix(name, "X"); ok && rest != "" {
		if r, _ := utf8.DecodeRuneInString(rest); !unicode.IsUpper(r) {
			return rest
		}
	}
	return name
}

// yaegiStruct reports whether the unnamed struct type t may be one that yaegi built: all of
// its fields are exported.
func yaegiStruct(t reflect.Type) bool {
	for i := range t.NumField() {
		if t.Field(i).PkgPath != "" {
			return false
		}
	}
	return true
}

// goTypeOf returns the Go type of op, as %T prints it.
func (p *goPrinter) goTypeOf(op operand) string {
	if op.goType != "" {
		return op.goType
	}
	if !op.v.IsValid() {
		return "<nil>"
	}
	return p.typeName(op.v.Type())
}

// goValue prints an operand as Go's fmt does.
type goValue struct {
	p  *goPrinter
	op operand
}

// Format implements fmt.Formatter.
func (g goValue) Format(f fmt.State, verb rune) {
	s := &goState{p: g.p, f: f, verb: verb, directive: fmt.FormatString(f, verb)}
	s.sharpV = verb == 'v' && f.Flag('#')
	s.plusV = verb == 'v' && f.Flag('+')
	if g.op.methods != nil && s.handleMethods(g.op.methods, g.op.v) {
		return
	}
	if !g.op.v.IsValid() {
		fmt.Fprintf(f, s.directive, nil)
		return
	}
	if g.op.goType != "" && badVerb(g.op.v.Kind(), verb) {
		fmt.Fprintf(f, "%%!%c(%s=", verb, g.op.goType)
		fmt.Fprint(f, goValue{g.p, operand{v: g.op.v, methods: g.op.methods}})
		f.Write([]byte(")"))
		return
	}
	s.printValue(g.op.v, g.op.goType, 0, true)
}

// badVerb reports whether fmt refuses verb for a value of kind k (%!verb(type=value)).
func badVerb(k reflect.Kind, verb rune) bool {
	var ok string
	switch {
	case k == reflect.Bool:
		ok = "tv"
	case k >= reflect.Int && k <= reflect.Uintptr:
		ok = "bcdoOqxXUv"
	case k >= reflect.Float32 && k <= reflect.Complex128:
		ok = "bgGxXfFeEv"
	case k == reflect.String:
		ok = "vsxXq"
	default:
		return false
	}
	return !strings.ContainsRune(ok, verb)
}

// goState is one verb of a goValue being printed.
type goState struct {
	p             *goPrinter
	f             fmt.State
	verb          rune
	directive     string // the verb with its flags, width and precision, as written
	sharpV, plusV bool
}

func (s *goState) write(str string) { _, _ = s.f.Write([]byte(str)) }

// handleMethods calls the method of ms that Go's fmt would call for the verb, as Go does
// (Formatter; GoStringer for %#v; error, then Stringer for the string verbs), and reports
// whether one was called.
func (s *goState) handleMethods(ms printMethods, v reflect.Value) (handled bool) {
	if ms.has("Format") {
		defer s.catchPanic(v, "Format", &handled)
		ms.method("Format").(func(fmt.State, rune))(s.f, s.verb)
		return true
	}
	if s.sharpV {
		if ms.has("GoString") {
			defer s.catchPanic(v, "GoString", &handled)
			s.write(ms.method("GoString").(func() string)())
			return true
		}
		return false
	}
	if !strings.ContainsRune("vsxXq", s.verb) {
		return false
	}
	for _, name := range []string{"Error", "String"} {
		if ms.has(name) {
			defer s.catchPanic(v, name, &handled)
			fmt.Fprintf(s.f, s.directive, ms.method(name).(func() string)())
			return true
		}
	}
	return false
}

// catchPanic reports a panic of a method as Go's fmt does: <nil> for a nil pointer
// receiver, else %!verb(PANIC=method method: value); the value counts as handled.
func (s *goState) catchPanic(v reflect.Value, method string, handled *bool) {
	r := recover()
	if r == nil {
		return
	}
	*handled = true
	if v.Kind() == reflect.Pointer && v.IsNil() {
		s.write("<nil>")
		return
	}
	fmt.Fprintf(s.f, "%%!%c(PANIC=%s method: %v)", s.verb, method, r)
}

// printValue prints v as Go's fmt prints a value at depth (0: the argument itself); goType
// is v's Go type when known, methods whether Go would call v's methods (not for values
// reached through unexported fields).
func (s *goState) printValue(v reflect.Value, goType string, depth int, methods bool) {
	if v.IsValid() && v.CanInterface() && (isWrapper(v.Type()) || isBox(v.Type())) {
		op := s.p.operandOf(v.Interface())
		if methods && op.methods != nil && s.handleMethods(op.methods, op.v) {
			return
		}
		v = op.v
	} else if methods && v.IsValid() && v.CanInterface() {
		if ms := s.p.cellMethods(v, goType); ms != nil && s.handleMethods(ms, v) {
			return
		}
	}
	if !v.IsValid() {
		s.write("<nil>")
		return
	}
	t := v.Type()
	if s.delegates(v, goType, depth, methods) {
		fmt.Fprintf(s.f, s.directive, v.Interface())
		return
	}
	switch v.Kind() {
	case reflect.Map:
		s.printMap(v, goType, depth, methods)
	case reflect.Struct:
		s.printStruct(v, goType, depth, methods)
	case reflect.Interface:
		if v.IsNil() {
			if s.sharpV {
				s.write(s.p.typeName(t) + "(nil)")
				return
			}
			s.write("<nil>")
			return
		}
		s.printValue(v.Elem(), "", depth+1, methods)
	case reflect.Array, reflect.Slice:
		s.printList(v, goType, depth, methods)
	case reflect.Pointer:
		if depth == 0 && !v.IsNil() {
			switch v.Elem().Kind() {
			case reflect.Array, reflect.Slice, reflect.Struct, reflect.Map:
				s.write("&")
				s.printValue(v.Elem(), strings.TrimPrefix(goType, "*"), depth+1, methods)
				return
			}
		}
		s.printPointer(v, goType)
	case reflect.Chan, reflect.Func, reflect.UnsafePointer:
		s.printPointer(v, goType)
	default:
		fmt.Fprintf(s.f, s.directive, basic(v))
	}
}

// delegates reports whether fmt prints v at depth as Go does: a value without session types,
// printed with its methods where Go calls them, and not as fmt prints a top-level argument
// only (the & of a pointer to a struct, []byte for %#v of a []uint8).
func (s *goState) delegates(v reflect.Value, goType string, depth int, methods bool) bool {
	t := v.Type()
	switch {
	case goType != "" || s.p.involves(t) || !v.CanInterface() || !methods && hasPrintMethods(t):
		return false
	case depth == 0:
		return true
	case t.Kind() == reflect.Pointer:
		return false
	}
	return !s.sharpV || t.Kind() != reflect.Slice || t.Elem().Kind() != reflect.Uint8
}

// name returns the Go type of v for %#v: goType when known.
func (s *goState) name(t reflect.Type, goType string) string {
	if goType != "" {
		return goType
	}
	return s.p.typeName(t)
}

func (s *goState) sep() string {
	if s.sharpV {
		return ", "
	}
	return " "
}

func (s *goState) printStruct(v reflect.Value, goType string, depth int, methods bool) {
	t := v.Type()
	if s.sharpV {
		s.write(s.name(t, goType))
	}
	s.write("{")
	fields := s.p.fieldTypes(t, goType)
	for i := range v.NumField() {
		if i > 0 {
			s.write(s.sep())
		}
		name := goFieldName(t, i)
		if s.plusV || s.sharpV {
			s.write(name + ":")
		}
		fieldType := ""
		if fields != nil {
			fieldType = fields[i]
		}
		s.printValue(v.Field(i), fieldType, depth+1, methods && isExported(name))
	}
	s.write("}")
}

func (s *goState) printMap(v reflect.Value, goType string, depth int, methods bool) {
	if s.sharpV {
		s.write(s.name(v.Type(), goType))
		if v.IsNil() {
			s.write("(nil)")
			return
		}
		s.write("{")
	} else {
		s.write("map[")
	}
	keys := v.MapKeys()
	slices.SortStableFunc(keys, compareValues)
	for i, k := range keys {
		if i > 0 {
			s.write(s.sep())
		}
		s.printValue(k, "", depth+1, methods)
		s.write(":")
		s.printValue(v.MapIndex(k), "", depth+1, methods)
	}
	if s.sharpV {
		s.write("}")
	} else {
		s.write("]")
	}
}

func (s *goState) printList(v reflect.Value, goType string, depth int, methods bool) {
	t := v.Type()
	if t.Elem().Kind() == reflect.Uint8 && strings.ContainsRune("sqxX", s.verb) {
		b := make([]byte, v.Len())
		for i := range b {
			b[i] = byte(v.Index(i).Uint())
		}
		fmt.Fprintf(s.f, s.directive, b)
		return
	}
	if s.sharpV {
		s.write(s.name(t, goType))
		if v.Kind() == reflect.Slice && v.IsNil() {
			s.write("(nil)")
			return
		}
		s.write("{")
	} else {
		s.write("[")
	}
	for i := range v.Len() {
		if i > 0 {
			s.write(s.sep())
		}
		s.printValue(v.Index(i), elemType(goType), depth+1, methods)
	}
	if s.sharpV {
		s.write("}")
	} else {
		s.write("]")
	}
}

// printPointer prints a pointer, channel or func as an address, as Go's fmt does.
func (s *goState) printPointer(v reflect.Value, goType string) {
	var u uintptr
	if !v.IsNil() {
		u = v.Pointer()
	}
	if s.sharpV {
		addr := "nil"
		if u != 0 {
			addr = "0x" + strconv.FormatUint(uint64(u), 16)
		}
		s.write("(" + s.name(v.Type(), goType) + ")(" + addr + ")")
		return
	}
	fmt.Fprintf(s.f, s.directive, v.UnsafePointer())
}

// isExported reports whether a Go field name is exported.
func isExported(name string) bool {
	r, _ := utf8.DecodeRuneInString(name)
	return unicode.IsUpper(r)
}

// printMethodTypes are the interfaces whose methods Go's fmt calls.
var printMethodTypes = []reflect.Type{
	reflect.TypeFor[fmt.Formatter](), reflect.TypeFor[fmt.GoStringer](),
	reflect.TypeFor[error](), reflect.TypeFor[fmt.Stringer](),
}

// hasPrintMethods reports whether fmt would call a method of a value of type t.
func hasPrintMethods(t reflect.Type) bool {
	return slices.ContainsFunc(printMethodTypes, t.Implements)
}

// basic returns v, of a basic kind, as the predeclared type of its kind: without methods.
func basic(v reflect.Value) any {
	switch v.Kind() {
	case reflect.Bool:
		return v.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return reflect.ValueOf(v.Int()).Convert(kindTypes[v.Kind()]).Interface()
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return reflect.ValueOf(v.Uint()).Convert(kindTypes[v.Kind()]).Interface()
	case reflect.Float32, reflect.Float64:
		return reflect.ValueOf(v.Float()).Convert(kindTypes[v.Kind()]).Interface()
	case reflect.Complex64, reflect.Complex128:
		return reflect.ValueOf(v.Complex()).Convert(kindTypes[v.Kind()]).Interface()
	case reflect.String:
		return v.String()
	}
	return nil
}

// kindTypes are the predeclared types of the basic kinds.
var kindTypes = map[reflect.Kind]reflect.Type{
	reflect.Int: reflect.TypeFor[int](), reflect.Int8: reflect.TypeFor[int8](), reflect.Int16: reflect.TypeFor[int16](),
	reflect.Int32: reflect.TypeFor[int32](), reflect.Int64: reflect.TypeFor[int64](),
	reflect.Uint: reflect.TypeFor[uint](), reflect.Uint8: reflect.TypeFor[uint8](), reflect.Uint16: reflect.TypeFor[uint16](),
	reflect.Uint32: reflect.TypeFor[uint32](), reflect.Uint64: reflect.TypeFor[uint64](), reflect.Uintptr: reflect.TypeFor[uintptr](),
	reflect.Float32: reflect.TypeFor[float32](), reflect.Float64: reflect.TypeFor[float64](),
	reflect.Complex64: reflect.TypeFor[complex64](), reflect.Complex128: reflect.TypeFor[complex128](),
}

// compareValues orders map keys as Go's fmt does: numbers, strings and bools by value,
// pointers and channels by address, structs and arrays element by element, interfaces nil
// first, then by type, then by value.
func compareValues(a, b reflect.Value) int {
	if a.Kind() != b.Kind() {
		return 0
	}
	switch a.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return cmpOrdered(a.Int(), b.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return cmpOrdered(a.Uint(), b.Uint())
	case reflect.String:
		return strings.Compare(a.String(), b.String())
	case reflect.Float32, reflect.Float64:
		return cmpFloat(a.Float(), b.Float())
	case reflect.Complex64, reflect.Complex128:
		if c := cmpFloat(real(a.Complex()), real(b.Complex())); c != 0 {
			return c
		}
		return cmpFloat(imag(a.Complex()), imag(b.Complex()))
	case reflect.Bool:
		return cmpOrdered(boolRank(a.Bool()), boolRank(b.Bool()))
	case reflect.Pointer, reflect.UnsafePointer, reflect.Chan:
		return cmpOrdered(a.Pointer(), b.Pointer())
	case reflect.Struct:
		for i := range a.NumField() {
			if c := compareValues(a.Field(i), b.Field(i)); c != 0 {
				return c
			}
		}
	case reflect.Array:
		for i := range a.Len() {
			if c := compareValues(a.Index(i), b.Index(i)); c != 0 {
				return c
			}
		}
	case reflect.Interface:
		if a.IsNil() || b.IsNil() {
			return cmpOrdered(boolRank(!a.IsNil()), boolRank(!b.IsNil()))
		}
		ta, tb := reflect.ValueOf(a.Elem().Type()), reflect.ValueOf(b.Elem().Type())
		if c := cmpOrdered(ta.Pointer(), tb.Pointer()); c != 0 {
			return c
		}
		return compareValues(a.Elem(), b.Elem())
	}
	return 0
}

func cmpOrdered[T int64 | uint64 | uintptr | int](a, b T) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// cmpFloat orders floats with NaN first, as Go's fmt sorts map keys.
func cmpFloat(a, b float64) int {
	switch {
	case a != a && b != b:
		return 0
	case a != a:
		return -1
	case b != b:
		return 1
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func boolRank(b bool) int {
	if b {
		return 1
	}
	return 0
}
