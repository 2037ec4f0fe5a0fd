package eval

import (
	"reflect"
	"strings"
)

// Errors of session types reach the host as the cell passed them: a value or pointer as it
// is (to a parameter of type any), a value in an error variable inside yaegi's wrapper,
// whose Error method works but which reflect sees without the type's other methods. So the
// functions of errors that walk a chain (Is, As, Unwrap) are replaced for cells by ones that
// find the Unwrap, Is and As methods of session types in the registry (cellmethods.go), and
// fmt.Errorf wraps a value of a session type for %w as a sessionError.

// sessionError is a value of a session type with an Error method, as an error of the host.
// Its first field is named as in yaegi's wrappers, so that a type assertion or type switch
// in a cell finds the value in it.
type sessionError struct {
	IValue any
	ms     *boundMethods
}

// Error implements error with the type's Error method.
func (e sessionError) Error() string { return e.ms.method("Error").(func() string)() }

var (
	errorT        = reflect.TypeFor[error]()
	sessionErrorT = reflect.TypeFor[sessionError]()
)

// asSessionError returns a as an error of the host: a sessionError when it is a value of a session
// type with an Error method (in goTyped when the front end said its type), else a itself,
// and whether it is an error.
func (h *hostRuntime) asSessionError(a any) (error, bool) {
	goType := ""
	if g, ok := a.(goTyped); ok {
		a, goType = g.value, g.goType
	}
	a = unwrap(a)
	if e, ok := a.(error); ok {
		return e, true
	}
	if ms := h.cellMethodsOf(reflect.ValueOf(a), goType); ms != nil && ms.has("Error") {
		return sessionError{a, ms}, true
	}
	return nil, false
}

// concrete returns the value of an error as Go sees it: out of yaegi's wrappers, boxes and
// sessionErrors.
func concrete(e any) reflect.Value {
	switch e := unwrap(e).(type) {
	case sessionError:
		return reflect.ValueOf(e.IValue)
	case nil:
		return reflect.Value{}
	default:
		v := reflect.ValueOf(e)
		if isWrapper(v.Type()) {
			return reflect.ValueOf(unwrap(v.Field(0).Interface()))
		}
		return v
	}
}

// errMethod returns the method name of the error e, bound to it: a session type's from the
// registry, else the host value's, or nil.
func (h *hostRuntime) errMethod(e any, name string) any {
	if ms := h.cellMethodsOf(concrete(e), ""); ms != nil {
		if !ms.has(name) {
			return nil
		}
		return ms.method(name)
	}
	switch name {
	case "Unwrap":
		switch x := e.(type) {
		case interface{ Unwrap() error }:
			return x.Unwrap
		case interface{ Unwrap() []error }:
			return x.Unwrap
		}
	case "Is":
		if x, ok := e.(interface{ Is(error) bool }); ok {
			return x.Is
		}
	case "As":
		if x, ok := e.(interface{ As(any) bool }); ok {
			return x.As
		}
	}
	return nil
}

// errorsUnwrap is errors.Unwrap for cells.
func (h *hostRuntime) errorsUnwrap(err any) error {
	if u, ok := h.errMethod(err, "Unwrap").(func() error); ok {
		return u()
	}
	return nil
}

// errorsIs is errors.Is for cells: whether an error of err's tree equals target or says
// that it is target by its Is method, the tree walked depth first.
func (h *hostRuntime) errorsIs(err, target any) bool {
	if unwrap(err) == nil || unwrap(target) == nil {
		return unwrap(err) == unwrap(target)
	}
	tv := concrete(target)
	targetErr, _ := h.asSessionError(target)
	return h.walk(err, func(e any) bool {
		if ev := concrete(e); tv.Comparable() && ev.Type() == tv.Type() && ev.Equal(tv) {
			return true
		}
		is, ok := h.errMethod(e, "Is").(func(error) bool)
		return ok && is(targetErr)
	})
}

// errorsAs is errors.As for cells: it sets *target to the first error of err's tree that
// is assignable to it, or that says so by its As method, and reports whether it found one.
// It panics as Go's does on a target that is not a non-nil pointer to an interface or to a
// type that implements error.
func (h *hostRuntime) errorsAs(err, target any) bool {
	if unwrap(err) == nil {
		return false
	}
	goType := "" // the target's Go type, where the front end said it (*main.Celsius)
	if g, ok := target.(goTyped); ok {
		target, goType = g.value, strings.TrimPrefix(g.goType, "*")
	}
	tv := reflect.ValueOf(unwrap(target))
	if !tv.IsValid() {
		panic("errors: target cannot be nil")
	}
	if tv.Kind() != reflect.Pointer || tv.IsNil() {
		panic("errors: target must be a non-nil pointer")
	}
	elem := tv.Type().Elem()
	if elem.Kind() != reflect.Interface && !elem.Implements(errorT) && !h.implementsError(elem, goType) {
		panic("errors: *target must be interface or implement error")
	}
	return h.walk(err, func(e any) bool {
		if ev := concrete(e); ev.IsValid() && elem.Kind() != reflect.Interface && ev.Type().AssignableTo(elem) {
			tv.Elem().Set(ev)
			return true
		}
		if elem.Kind() == reflect.Interface {
			if asErr, ok := h.asSessionError(e); ok && reflect.TypeOf(asErr).Implements(elem) {
				tv.Elem().Set(reflect.ValueOf(asErr))
				return true
			}
		}
		as, ok := h.errMethod(e, "As").(func(any) bool)
		return ok && as(target)
	})
}

// implementsError reports whether the session type t (or the pointer to one), of Go type
// goType where the front end said it, has an Error method.
func (h *hostRuntime) implementsError(t reflect.Type, goType string) bool {
	cm, isPtr := h.methodsFor(t, goType)
	return cm != nil && cm.has("Error", isPtr)
}

// walk calls visit on err and on each error its Unwrap methods return, depth first, until
// visit returns true, and reports whether it did.
func (h *hostRuntime) walk(err any, visit func(e any) bool) bool {
	for unwrap(err) != nil {
		if visit(err) {
			return true
		}
		switch u := h.errMethod(err, "Unwrap").(type) {
		case func() error:
			err = u()
		case func() []error:
			for _, e := range u() {
				if h.walk(e, visit) {
					return true
				}
			}
			return false
		default:
			return false
		}
	}
	return false
}

// cellError is __rt.CellError(p, goType), the contract with the front end's lowering: the
// error value of p, a nil pointer (which Go does not compare equal to nil) or a struct value
// of the session type goType (as %T prints it) with an Error method. The interpreter would
// make it a nil error, or an error holding the struct's last field.
func (h *hostRuntime) cellError(p any, goType string) error {
	p = unwrap(p)
	if ms := h.cellMethodsOf(reflect.ValueOf(p), goType); ms != nil && ms.has("Error") {
		return sessionError{p, ms}
	}
	return nil
}
