package gofront

import (
	"go/types"
	"slices"
)

// TypeMethods are the methods of one of the package's named types that Go's fmt and errors
// call through interfaces: the interpreter builds its types without methods that reflect can
// see, so the evaluator calls them itself.
type TypeMethods struct {
	Name string // the type's name in the package
	// Value are the methods in the method set of the type's values; Pointer those that only
	// a pointer to the type has (pointer receivers).
	Value, Pointer []string
}

// hostMethods are the methods that fmt and errors look for, by their signatures as
// types.TypeString writes them with package paths.
var hostMethods = map[string][]string{
	"String":   {"func() string"},
	"Error":    {"func() string"},
	"GoString": {"func() string"},
	"Format":   {"func(fmt.State, rune)", "func(fmt.State, int32)"},
	"Unwrap":   {"func() error", "func() []error"},
	"Is":       {"func(error) bool"},
	"As":       {"func(any) bool", "func(interface{}) bool"},
}

// PackageMethods returns the named types of pkg, neither generic nor interfaces, that have at
// least one of the methods that fmt and errors call, sorted by name.
func PackageMethods(pkg *types.Package) []TypeMethods {
	var out []TypeMethods
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() {
			continue
		}
		named, ok := tn.Type().(*types.Named)
		if !ok || named.TypeParams().Len() > 0 || types.IsInterface(named) {
			continue
		}
		tm := TypeMethods{Name: name}
		value := types.NewMethodSet(named)
		pointer := types.NewMethodSet(types.NewPointer(named))
		for i := range pointer.Len() {
			fn := pointer.At(i).Obj()
			if !hostMethod(fn) {
				continue
			}
			if value.Lookup(fn.Pkg(), fn.Name()) != nil {
				tm.Value = append(tm.Value, fn.Name())
			} else {
				tm.Pointer = append(tm.Pointer, fn.Name())
			}
		}
		if len(tm.Value)+len(tm.Pointer) > 0 {
			out = append(out, tm)
		}
	}
	return out
}

// hostMethod reports whether obj is one of hostMethods, with its signature.
func hostMethod(obj types.Object) bool {
	sigs, ok := hostMethods[obj.Name()]
	if !ok || !obj.Exported() {
		return false
	}
	sig := obj.Type().(*types.Signature)
	plain := types.NewSignatureType(nil, nil, nil, unnamed(sig.Params()), unnamed(sig.Results()), sig.Variadic())
	return slices.Contains(sigs, types.TypeString(plain, func(p *types.Package) string { return p.Path() }))
}

// unnamed returns the types of t without their names.
func unnamed(t *types.Tuple) *types.Tuple {
	vars := make([]*types.Var, t.Len())
	for i := range vars {
		vars[i] = types.NewParam(t.At(i).Pos(), nil, "", t.At(i).Type())
	}
	return types.NewTuple(vars...)
}
