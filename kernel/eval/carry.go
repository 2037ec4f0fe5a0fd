package eval

import (
	"cmp"
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/concurlab/concurlab/kernel/gofront"
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

// varDecls declares, as Go source, the variables that cells made with statements (x := …)
// rather than declarations, with the types the front end gave them, so that replayed funcs
// that use them compile; a name that a declaration now declares is left to it.
func varDecls(vars []gofront.Var, decls []declaration) string {
	declared := declaredNames(decls, topLevelKinds...)
	var b strings.Builder
	for _, v := range vars {
		if !slices.Contains(declared, v.Name) {
			fmt.Fprintf(&b, "var %s %s\n", v.Name, cmp.Or(v.Interp, v.Type))
		}
	}
	return b.String()
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

// globals returns the session's variables: the interpreter's own, or their copies from the
// last chunk that ended once the interpreter is halted.
func (s *Session) globals() map[string]reflect.Value {
	if s.halted == s.in {
		return s.settled
	}
	return s.in.Globals()
}

// copyVars copies the variables of globals as an assignment would. A variable that holds a lock
// or wait group is kept as it is: it is never carried (setValue), and copying it would read
// what its goroutines write.
func copyVars(globals map[string]reflect.Value) map[string]reflect.Value {
	out := make(map[string]reflect.Value, len(globals))
	for name, v := range globals {
		if v.IsValid() && !holdsSync(v.Type()) {
			c := reflect.New(v.Type()).Elem()
			c.Set(v)
			v = c
		}
		out[name] = v
	}
	return out
}
