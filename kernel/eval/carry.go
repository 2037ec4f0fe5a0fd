package eval

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
)

// modulePrefix is cut from compiled package paths to get the paths that cells import.
const modulePrefix = "github.com/concurlab/concurlab/"

// sessionVars lists the variables of an interpreter that carry over a rebuild, sorted:
// everything but the rewrites' hidden names and constants.
func sessionVars(globals map[string]reflect.Value, decls []declaration) []string {
	consts := declaredNames(decls, "const ")
	var names []string
	for name, v := range globals {
		if !strings.HasPrefix(name, "__") && name != "_" && !slices.Contains(consts, name) && v.IsValid() {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	return names
}

// typeNamer writes types as Go source: predeclared types, named types of imported compiled
// packages, the session's struct types, and slices, arrays, maps, pointers and channels of
// those.
type typeNamer struct {
	packages map[string]string       // import path → name in the session
	types    map[reflect.Type]string // the session's named types, as yaegi built them
}

func (n typeNamer) source(t reflect.Type) (string, bool) {
	if name, ok := n.types[t]; ok && t.Kind() == reflect.Struct {
		return name, true
	}
	if t.Name() != "" {
		if t.PkgPath() == "" {
			return t.Name(), true
		}
		pkg, ok := n.packages[strings.TrimPrefix(t.PkgPath(), modulePrefix)]
		return pkg + "." + t.Name(), ok
	}
	elem := func(prefix string) (string, bool) {
		src, ok := n.source(t.Elem())
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
		key, ok := n.source(t.Key())
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

// statementVarDecls declares, as Go source, the variables that cells made with statements
// (x := …) rather than declarations, so that replayed funcs that use them compile; a name
// that a declaration now declares is left to it. It returns the names whose type cannot be
// written (funcs, anonymous structs): they are reset; and those that may hold a value of a
// session type that is not a struct, with that type: yaegi gives such a value the reflect type
// of its underlying type (Celsius is float64), so they are declared with that, without the
// session type's methods.
func statementVarDecls(names []string, globals map[string]reflect.Value, decls []declaration, n typeNamer) (src string, undeclared, untyped []string) {
	declared := declaredNames(decls, topLevelKinds...)
	var b strings.Builder
	for _, name := range names {
		if slices.Contains(declared, name) {
			continue
		}
		t := globals[name].Type()
		typ, ok := n.source(t)
		if !ok || t.Kind() == reflect.Func {
			undeclared = append(undeclared, name)
			continue
		}
		if named, ok := n.types[t]; ok && t.Kind() != reflect.Struct {
			untyped = append(untyped, fmt.Sprintf("%s (%s, or %s)", name, typ, named))
		}
		fmt.Fprintf(&b, "var %s %s\n", name, typ)
	}
	return b.String(), undeclared, untyped
}

// carryValues sets each variable of names in current to its value in old, unless it is fresh
// (just redeclared). It returns the names whose type changed.
func carryValues(names []string, old, current map[string]reflect.Value, fresh []string) (reset []string) {
	for _, name := range names {
		nv, ok := current[name]
		if !ok || slices.Contains(fresh, name) {
			continue
		}
		if !setValue(nv, old[name]) {
			reset = append(reset, name)
		}
	}
	return reset
}

// setValue sets nv to ov when their types are identical and nv is a variable. A value that
// holds a lock or wait group itself (not through a pointer) is not copied: goroutines of the
// old interpreter may hold or wait on it, and a copy of a held mutex is held forever.
func setValue(nv, ov reflect.Value) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	if !nv.IsValid() || nv.Type() != ov.Type() || !nv.CanSet() || ov.Kind() == reflect.Func || holdsSync(ov.Type()) {
		return false
	}
	nv.Set(ov)
	return true
}

// holdsSync reports whether a value of type t contains a sync type (Mutex, WaitGroup, …)
// directly, in its fields or array elements.
func holdsSync(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Struct:
		if t.PkgPath() == "sync" {
			return true
		}
		for i := range t.NumField() {
			if holdsSync(t.Field(i).Type) {
				return true
			}
		}
	case reflect.Array:
		return holdsSync(t.Elem())
	}
	return false
}
