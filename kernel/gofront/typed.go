package gofront

import (
	"go/ast"
	"go/types"
	"strconv"
)

// Typed is the host function that tells the printer the Go type of a value whose type the
// interpreter represents by its underlying type (type Celsius float64 is a float64 to
// reflect): the evaluator provides it, as __rt.Typed(value any, goType string) any.
const Typed = "__rt.Typed"

// printFuncs are the functions of fmt and log whose variadic operands are printed with %v
// and %T.
var printFuncs = map[string]map[string]bool{
	"fmt": {"Print": true, "Printf": true, "Println": true, "Sprint": true, "Sprintf": true, "Sprintln": true,
		"Fprint": true, "Fprintf": true, "Fprintln": true, "Errorf": true, "Append": true, "Appendf": true, "Appendln": true},
	"log": {"Print": true, "Printf": true, "Println": true, "Fatal": true, "Fatalf": true, "Fatalln": true,
		"Panic": true, "Panicf": true, "Panicln": true},
}

// typedOperands wraps each printed operand (and the target of errors.As) whose static type
// mentions a named type of the cell's package that is not a struct, `fmt.Println(c)` becoming
// `fmt.Println(__rt.Typed(c, "main.Celsius"))`, so that %v finds its methods and %T its name.
func typedOperands(u *Unit) []Edit {
	var edits []Edit
	for _, f := range u.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || call.Ellipsis.IsValid() {
				return true
			}
			sig, ok := u.Info.TypeOf(call.Fun).(*types.Signature)
			if !ok {
				return true
			}
			var typed []ast.Expr
			switch {
			case sig.Variadic() && isPrintFunc(u.Info, call.Fun):
				typed = call.Args[sig.Params().Len()-1:]
			case isFunc(u.Info, call.Fun, "errors", "As") && len(call.Args) == 2:
				typed = call.Args[1:] // the target: errors.As(err, &celsiusErr)
			}
			for _, arg := range typed {
				t := u.Info.TypeOf(arg)
				if t == nil || !mentionsNamedValue(t, u.Pkg) {
					continue
				}
				name := types.TypeString(t, func(p *types.Package) string { return p.Name() })
				edits = append(edits,
					Edit{Pos: arg.Pos(), End: arg.Pos(), Text: Typed + "("},
					Edit{Pos: arg.End(), End: arg.End(), Text: ", " + strconv.Quote(name) + ")"})
			}
			return true
		})
	}
	return edits
}

// isFunc reports whether fun is the function name of the package at path.
func isFunc(info *types.Info, fun ast.Expr, path, name string) bool {
	obj := selectedFunc(info, fun)
	return obj != nil && obj.Pkg().Path() == path && obj.Name() == name
}

// isPrintFunc reports whether fun is one of printFuncs.
func isPrintFunc(info *types.Info, fun ast.Expr) bool {
	obj := selectedFunc(info, fun)
	return obj != nil && printFuncs[obj.Pkg().Path()][obj.Name()]
}

// selectedFunc returns the package function that fun, a qualified name, names, or nil.
func selectedFunc(info *types.Info, fun ast.Expr) *types.Func {
	sel, ok := fun.(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	obj, ok := info.Uses[sel.Sel].(*types.Func)
	if !ok || obj.Pkg() == nil {
		return nil
	}
	return obj
}

// mentionsNamedValue reports whether t, not an interface, is or holds a named type of pkg
// whose underlying type is not a struct.
func mentionsNamedValue(t types.Type, pkg *types.Package) bool {
	switch t := t.(type) {
	case *types.Named:
		if t.Obj().Pkg() == pkg {
			_, isStruct := t.Underlying().(*types.Struct)
			_, isIface := t.Underlying().(*types.Interface)
			return !isStruct && !isIface
		}
		return false
	case *types.Pointer:
		return mentionsNamedValue(t.Elem(), pkg)
	case *types.Slice:
		return mentionsNamedValue(t.Elem(), pkg)
	case *types.Array:
		return mentionsNamedValue(t.Elem(), pkg)
	case *types.Map:
		return mentionsNamedValue(t.Key(), pkg) || mentionsNamedValue(t.Elem(), pkg)
	case *types.Chan:
		return mentionsNamedValue(t.Elem(), pkg)
	}
	return false
}
