package gofront

import (
	"fmt"
	"go/ast"
	"go/types"
	"strings"
)

// methodExprs lowers each method expression, which the interpreter calls with one argument
// too many, to the function literal that it stands for:
//
//	(*Account).Deposit   becomes   func(__cl_r *Account, __cl_p0 int) { __cl_r.Deposit(__cl_p0) }
//
// on the same lines; and each method value of a value receiver's method, promoted through
// embedded fields or not, which the interpreter evaluates when it is called, to a function
// literal called with the receiver's value at once, as Go copies it (see methodValue).
func methodExprs(u *Unit) []Edit {
	var edits []Edit
	called := map[*ast.SelectorExpr]bool{}
	for _, f := range u.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok {
				if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
					called[sel] = true
				}
			}
			sel, ok := n.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			s := u.Info.Selections[sel]
			if s != nil && s.Kind() == types.MethodVal && !called[sel] {
				edits = append(edits, methodValue(u, sel, s)...)
				return true
			}
			if s == nil || s.Kind() != types.MethodExpr {
				return true
			}
			sig, ok := u.Info.TypeOf(sel).(*types.Signature)
			if !ok || genericReceiver(s.Recv()) {
				return true
			}
			edits = append(edits, keepLines(u, sel.Pos(), sel.End(), methodLiteral(u, sig, sel.Sel.Name)))
			return false
		})
	}
	return edits
}

// methodLiteral is the function literal of signature sig, whose first parameter is the
// receiver, that calls the receiver's method name with the other parameters.
func methodLiteral(u *Unit, sig *types.Signature, name string) string {
	params, args, results := signatureParts(u, sig)
	params[0] = "__cl_r " + u.TypeString(sig.Params().At(0).Type())
	return "func(" + strings.Join(params, ", ") + ")" + results + " { " + callText(sig, name, args[1:]) + " }"
}

// methodValue lowers x.M, a method value of a method with a value receiver declared for x's
// type itself (not promoted from an embedded field), to
//
//	func(__cl_r T) func(__cl_p0 int) string { return func(__cl_p0 int) string { return __cl_r.M(__cl_p0) } }(x)
//
// (with *x for a pointer x), x and M staying where they were.
func methodValue(u *Unit, sel *ast.SelectorExpr, s *types.Selection) []Edit {
	fn, ok := s.Obj().(*types.Func)
	sig, okSig := u.Info.TypeOf(sel).(*types.Signature)
	if !ok || !okSig || genericReceiver(s.Recv()) {
		return nil
	}
	embedded, ptr, ok := embeddedPath(s)
	if !ok {
		return nil
	}
	recv := fn.Type().(*types.Signature).Recv()
	if recv == nil || types.IsInterface(recv.Type()) {
		return nil
	}
	if _, ptr := recv.Type().(*types.Pointer); ptr {
		return nil
	}
	params, args, results := signatureParts(u, sig)
	lit := "func(" + strings.Join(params, ", ") + ")" + results
	open := "func(__cl_r " + u.TypeString(recv.Type()) + ") " + u.TypeString(sig) +
		" { return " + lit + " { " + callText(sig, sel.Sel.Name, args) + " } }("
	closing := embedded + ")"
	if _, isPtr := u.Info.TypeOf(sel.X).Underlying().(*types.Pointer); isPtr && embedded == "" || ptr {
		open, closing = open+"*(", embedded+"))"
	}
	return []Edit{{Pos: sel.X.Pos(), End: sel.X.Pos(), Text: open}, {Pos: sel.X.End(), End: sel.End(), Text: closing}}
}

// embeddedPath returns the selectors of the embedded fields through which s, a method value,
// reaches a promoted method (".Base" for s.Describe of Base's Describe), "" for a method of
// the receiver's own type, and whether the last of those fields is a pointer; false when a
// field on the way is not a struct's.
func embeddedPath(s *types.Selection) (path string, ptr bool, ok bool) {
	t := s.Recv()
	index := s.Index()
	for _, i := range index[:len(index)-1] {
		if p, isPtr := t.Underlying().(*types.Pointer); isPtr {
			t = p.Elem()
		}
		st, isStruct := t.Underlying().(*types.Struct)
		if !isStruct || i >= st.NumFields() {
			return "", false, false
		}
		path += "." + st.Field(i).Name()
		t = st.Field(i).Type()
		_, ptr = t.Underlying().(*types.Pointer)
	}
	return path, ptr, true
}

// signatureParts returns the parameters of sig declared as __cl_p0, __cl_p1, ..., the
// arguments that pass them on, and the results as written after the parameters.
func signatureParts(u *Unit, sig *types.Signature) (params, args []string, results string) {
	for i := range sig.Params().Len() {
		p := fmt.Sprintf("__cl_p%d", i)
		typ := sig.Params().At(i).Type()
		if i == sig.Params().Len()-1 && sig.Variadic() {
			params = append(params, p+" ..."+u.TypeString(typ.(*types.Slice).Elem()))
			args = append(args, p+"...")
			continue
		}
		params = append(params, p+" "+u.TypeString(typ))
		args = append(args, p)
	}
	var res []string
	for i := range sig.Results().Len() {
		res = append(res, u.TypeString(sig.Results().At(i).Type()))
	}
	switch len(res) {
	case 0:
	case 1:
		results = " " + res[0]
	default:
		results = " (" + strings.Join(res, ", ") + ")"
	}
	return params, args, results
}

// callText is the call of __cl_r's method name with args, returned when sig has results.
func callText(sig *types.Signature, name string, args []string) string {
	call := "__cl_r." + name + "(" + strings.Join(args, ", ") + ")"
	if sig.Results().Len() > 0 {
		return "return " + call
	}
	return call
}

// genericReceiver reports whether t, or what it points to, is a generic type or a type
// parameter: the front end's instances lower those.
func genericReceiver(t types.Type) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	switch t := t.(type) {
	case *types.TypeParam:
		return true
	case *types.Named:
		return t.TypeParams().Len() > 0 || t.TypeArgs().Len() > 0
	}
	return false
}
