package gofront

import (
	"fmt"
	"go/ast"
	"go/types"
	"strings"
)

// embeddedInterfaces lowers the interfaces that a package-level struct type embeds, which the
// interpreter cannot build a type of (reflect.StructOf has no methods of embedded interfaces):
// the embedded field gets its name written out, and the methods that Go promotes from it are
// declared on the struct type, after its declaration on the same line, calling the field's:
//
//	type rev struct{ sort.Interface }
//
// becomes
//
//	type rev struct{ Interface sort.Interface }; func (__cl_r rev) Len() int { return __cl_r.Interface.Len() }; …
//
// The field keeps its name, so selectors and keyed literals of it are the same code.
func embeddedInterfaces(u *Unit) []Edit {
	var edits []Edit
	for _, f := range u.Files {
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok {
				continue
			}
			var methods []string
			for _, spec := range gd.Specs {
				ts, ok := spec.(*ast.TypeSpec)
				if !ok || ts.TypeParams != nil || ts.Assign.IsValid() {
					continue
				}
				fields, decls := embeddedFields(u, ts)
				edits = append(edits, fields...)
				methods = append(methods, decls...)
			}
			if len(methods) > 0 {
				edits = append(edits, Edit{Pos: gd.End(), End: gd.End(), Text: "; " + strings.Join(methods, "; ")})
			}
		}
	}
	return edits
}

// embeddedFields returns the edits that name the embedded interface fields of the struct type
// that ts declares, and the declarations of the methods promoted from them.
func embeddedFields(u *Unit, ts *ast.TypeSpec) ([]Edit, []string) {
	st, ok := ts.Type.(*ast.StructType)
	obj, _ := u.Info.Defs[ts.Name].(*types.TypeName)
	if !ok || obj == nil {
		return nil, nil
	}
	named, ok := obj.Type().(*types.Named)
	if !ok {
		return nil, nil
	}
	str := named.Underlying().(*types.Struct)
	mset := types.NewMethodSet(named)
	var edits []Edit
	var methods []string
	index := 0
	for _, field := range st.Fields.List {
		if len(field.Names) > 0 {
			index += len(field.Names)
			continue
		}
		fv := str.Field(index)
		iface, ok := fv.Type().Underlying().(*types.Interface)
		if ok && iface.NumMethods() > 0 {
			edits = append(edits, Edit{Pos: field.Type.Pos(), End: field.Type.Pos(), Text: fv.Name() + " "})
			for m := range iface.Methods() {
				sel := mset.Lookup(m.Pkg(), m.Name())
				if sel == nil || len(sel.Index()) != 2 || sel.Index()[0] != index {
					continue // declared on the struct type, or ambiguous
				}
				methods = append(methods, forwardMethod(u, obj.Name(), fv.Name(), m))
			}
		}
		index++
	}
	return edits, methods
}

// forwardMethod writes the method m of the struct type recv that calls m of its field.
func forwardMethod(u *Unit, recv, field string, m *types.Func) string {
	sig := m.Signature()
	params, args, results := signatureParts(u, sig)
	return fmt.Sprintf("func (__cl_r %s) %s(%s)%s { %s }", recv, m.Name(), strings.Join(params, ", "), results,
		callText(sig, field+"."+m.Name(), args))
}
