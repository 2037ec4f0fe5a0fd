package gofront

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/types"
	"math"
	"slices"
	"strconv"
	"strings"
)

// builtinCalls lowers the built-in functions of Go 1.21 that the interpreter lacks: min and
// max of any number of operands and clear of a map or slice; and make of a directional
// channel type, which it cannot make. A constant min or max is its
// value; otherwise the built-in's name becomes a function literal that the call's operands,
// left where they are, are passed to, so they are evaluated once, left to right:
//
//	min(a, b, c)   becomes   func(__cl_m T, __cl_r ...T) T { …; return __cl_m }(a, b, c)
func builtinCalls(u *Unit) []Edit {
	var edits []Edit
	for _, f := range u.Files {
		deferred := map[*ast.CallExpr]bool{} // a deferred built-in is called by its binder
		ast.Inspect(f, func(n ast.Node) bool {
			if d, ok := n.(*ast.DeferStmt); ok {
				deferred[d.Call] = true
			}
			call, ok := n.(*ast.CallExpr)
			if !ok || deferred[call] {
				return true
			}
			if tv := u.Info.Types[call]; tv.Value != nil && isBuiltinNamed(u.Info, call.Fun, "min", "max") {
				edits = append(edits, Edit{Pos: call.Pos(), End: call.End(), Text: constantText(u, tv)})
				return false
			}
			if text, ok := builtinFunc(u, call); ok {
				edits = append(edits, Edit{Pos: call.Fun.Pos(), End: call.Fun.End(), Text: text})
			}
			edits = append(edits, directionalMake(u, call)...)
			return true
		})
	}
	return edits
}

// builtinFunc returns the function literal that stands for the built-in min, max or clear
// that call calls, or false for any other call (or one whose operands are of a type
// parameter's type, which the generic code's instances lower).
func builtinFunc(u *Unit, call *ast.CallExpr) (string, bool) {
	switch {
	case isBuiltinNamed(u.Info, call.Fun, "min", "max"):
		t := u.Info.TypeOf(call)
		if t == nil || isTypeParam(t) {
			return "", false
		}
		which := ast.Unparen(call.Fun).(*ast.Ident).Name
		lit := minMaxFunc(u, which, t)
		if !packageLevel(t) {
			return lit, true
		}
		name := fmt.Sprintf("%s%s_%08x", GeneratedPrefix, which, hash32(u.TypeString(t)+" "+t.Underlying().String()))
		source := "func " + name + strings.TrimPrefix(lit, "func")
		if b, ok := t.Underlying().(*types.Basic); ok && b.Info()&types.IsFloat != 0 {
			// A variable: the interpreter loses the sign of a -0 argument to a declared
			// function (not to a function value), and min(0, -0) is -0.
			source = "var " + name + " = " + lit
		}
		return u.helper(name, source, lit), true
	case isBuiltinNamed(u.Info, call.Fun, "clear") && len(call.Args) == 1:
		t := u.Info.TypeOf(call.Args[0])
		if t == nil || isTypeParam(t) {
			return "", false
		}
		return clearFunc(u, t), true
	}
	return "", false
}

// directionalMake makes the channel of a directional channel type that call makes as a
// bidirectional channel converted to it, make(<-chan string) becoming
// (<-chan string)(make(chan string)): the interpreter's make of the type itself panics with
// reflect.MakeChan: unidirectional channel type.
func directionalMake(u *Unit, call *ast.CallExpr) []Edit {
	if !isBuiltinNamed(u.Info, call.Fun, "make") || len(call.Args) == 0 {
		return nil
	}
	t := u.Info.TypeOf(call.Args[0])
	ch, ok := t.Underlying().(*types.Chan)
	if !ok || ch.Dir() == types.SendRecv {
		return nil
	}
	arg := call.Args[0]
	return []Edit{
		{Pos: call.Pos(), End: call.Pos(), Text: "(" + u.TypeString(t) + ")("},
		{Pos: arg.Pos(), End: arg.End(), Text: u.TypeString(types.NewChan(types.SendRecv, ch.Elem()))},
		{Pos: call.End(), End: call.End(), Text: ")"},
	}
}

// minMaxFunc writes the function literal of min or max (which) of operands of type t. Floats
// follow Go: a NaN operand makes the result NaN, and -0 is less than 0.
func minMaxFunc(u *Unit, which string, t types.Type) string {
	ts := u.TypeString(t)
	less := "v < __cl_m"
	zero := "1/v < 0" // min(0, -0) is -0
	if which == "max" {
		less, zero = "v > __cl_m", "1/__cl_m < 0" // max(-0, 0) is 0
	}
	pick := fmt.Sprintf("if %s { __cl_m = v }", less)
	if b, ok := t.Underlying().(*types.Basic); ok && b.Info()&types.IsFloat != 0 {
		pick = fmt.Sprintf("if v != v { __cl_m = v } else if __cl_m == __cl_m && (%s || v == __cl_m && v == 0 && %s) { __cl_m = v }", less, zero)
	}
	return fmt.Sprintf("func(__cl_m %s, __cl_r ...%s) %s { for _, v := range __cl_r { %s }; return __cl_m }", ts, ts, ts, pick)
}

// clearFunc writes the function literal of clear of a map or slice of type t.
func clearFunc(u *Unit, t types.Type) string {
	ts := u.TypeString(t)
	if s, ok := t.Underlying().(*types.Slice); ok {
		return fmt.Sprintf("func(__cl_s %s) { var z %s; for i := range __cl_s { __cl_s[i] = z } }", ts, u.TypeString(s.Elem()))
	}
	return fmt.Sprintf("func(__cl_m %s) { for k := range __cl_m { delete(__cl_m, k) } }", ts)
}

// constantText writes the constant tv as Go source of the same value and type: T(value) for
// a typed constant, a literal of its kind for an untyped one.
func constantText(u *Unit, tv types.TypeAndValue) string {
	v := tv.Value
	var lit string
	switch v.Kind() {
	case constant.String:
		lit = strconv.Quote(constant.StringVal(v))
	case constant.Float:
		// Typed, the shortest decimal that is the float64 value (the interpreter computes
		// a conversion of a quotient, float64((5.0/2)), as 0); untyped, exact.
		lit = v.ExactString()
		b, untyped := tv.Type.(*types.Basic)
		untyped = untyped && b.Info()&types.IsUntyped != 0
		if f, _ := constant.Float64Val(v); !untyped && !math.IsInf(f, 0) {
			lit = strconv.FormatFloat(f, 'g', -1, 64)
		} else if num, den, ok := strings.Cut(lit, "/"); ok {
			lit = "(" + num + ".0/" + den + ")"
		}
		if !strings.ContainsAny(lit, ".eE(") {
			lit += ".0"
		}
	case constant.Complex:
		// (re + imi) of the shortest decimals of the parts: the exact ones may be
		// quotients, (1/2 + 1/4i), which the interpreter would divide as written.
		re, _ := constant.Float64Val(constant.Real(v))
		im, _ := constant.Float64Val(constant.Imag(v))
		lit = "(" + strconv.FormatFloat(re, 'g', -1, 64) + " + " + strconv.FormatFloat(im, 'g', -1, 64) + "i)"
	default:
		lit = v.ExactString()
	}
	b, ok := tv.Type.(*types.Basic)
	switch {
	case ok && b.Kind() == types.UntypedRune:
		return "(" + lit + " + '\\x00')"
	case ok && b.Info()&types.IsUntyped != 0:
		return lit
	}
	return u.TypeString(tv.Type) + "(" + lit + ")"
}

// isBuiltinNamed reports whether fun names one of the built-in functions names.
func isBuiltinNamed(info *types.Info, fun ast.Expr, names ...string) bool {
	id, ok := ast.Unparen(fun).(*ast.Ident)
	if !ok || !isBuiltin(info, id) {
		return false
	}
	return slices.Contains(names, id.Name)
}

// isTypeParam reports whether t is a type parameter.
func isTypeParam(t types.Type) bool {
	_, ok := t.(*types.TypeParam)
	return ok
}

// packageLevel reports whether t can be written at package level: it names no type declared
// inside a function.
func packageLevel(t types.Type) bool {
	switch t := t.(type) {
	case *types.Named:
		obj := t.Obj()
		return obj.Pkg() == nil || obj.Parent() == obj.Pkg().Scope()
	case *types.Pointer:
		return packageLevel(t.Elem())
	case *types.Slice:
		return packageLevel(t.Elem())
	case *types.Array:
		return packageLevel(t.Elem())
	}
	return true
}
