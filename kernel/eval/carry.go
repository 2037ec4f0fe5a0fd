package eval

import (
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/traefik/yaegi/interp"
)

// modulePrefix is cut from compiled package paths to get the paths that cells import.
const modulePrefix = "github.com/concurlab/concurlab/"

// carry copies the session variables of from into to, which has just been given the
// session's declarations; fresh names (just redeclared) keep their new value. It returns the
// variables that could not be carried: their type changed or cannot be written in Go source
// (values of interpreted struct types made by statements, funcs).
func carry(from, to *interp.Interpreter, decls []declaration, imports []importSpec, fresh []string) (reset []string) {
	var consts []string
	for _, d := range decls {
		consts = append(consts, varNames(d.keys, "const ")...)
	}
	byPath := map[string]string{}
	for _, imp := range imports {
		byPath[imp.path] = imp.packageName()
	}
	old := from.Globals()
	names := make([]string, 0, len(old))
	for name := range old {
		names = append(names, name)
	}
	slices.Sort(names)
	current := to.Globals()
	for _, name := range names {
		ov := old[name]
		if strings.HasPrefix(name, "__") || name == "_" || slices.Contains(fresh, name) || slices.Contains(consts, name) || !ov.IsValid() {
			continue
		}
		if !carryOne(to, current, name, ov, byPath) {
			reset = append(reset, name)
		}
	}
	return reset
}

// carryOne sets variable name of to to ov, declaring it first when no declaration did.
func carryOne(to *interp.Interpreter, current map[string]reflect.Value, name string, ov reflect.Value, byPath map[string]string) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	if ov.Kind() == reflect.Func {
		return false
	}
	nv, declared := current[name]
	if !declared {
		src, ok := typeSource(ov.Type(), byPath)
		if !ok {
			return false
		}
		if _, err := to.Eval("var " + name + " " + src); err != nil {
			return false
		}
		nv = to.Globals()[name]
	}
	if !nv.IsValid() || nv.Type() != ov.Type() || !nv.CanSet() {
		return false
	}
	nv.Set(ov)
	return true
}

// typeSource writes t as Go source, when it can be: predeclared types, named types of
// imported compiled packages, and slices, arrays, maps, pointers and channels of those.
func typeSource(t reflect.Type, byPath map[string]string) (string, bool) {
	if t.Name() != "" {
		if t.PkgPath() == "" {
			return t.Name(), true
		}
		pkg, ok := byPath[strings.TrimPrefix(t.PkgPath(), modulePrefix)]
		return pkg + "." + t.Name(), ok
	}
	elem := func(prefix string) (string, bool) {
		src, ok := typeSource(t.Elem(), byPath)
		return prefix + src, ok
	}
	switch t.Kind() {
	case reflect.Slice:
		return elem("[]")
	case reflect.Array:
		return elem("[" + strconv.Itoa(t.Len()) + "]")
	case reflect.Pointer:
		return elem("*")
	case reflect.Chan:
		switch t.ChanDir() {
		case reflect.RecvDir:
			return elem("<-chan ")
		case reflect.SendDir:
			return elem("chan<- ")
		}
		return elem("chan ")
	case reflect.Map:
		key, ok := typeSource(t.Key(), byPath)
		if !ok {
			return "", false
		}
		return elem("map[" + key + "]")
	case reflect.Interface:
		if t.NumMethod() == 0 {
			return "any", true
		}
	}
	return "", false
}
