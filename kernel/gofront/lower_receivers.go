package gofront

import (
	"go/ast"
	"go/types"
)

// addressedReceivers writes the address that Go takes of an addressable receiver of a
// pointer method that the code declares: c.inc() becomes (&c).inc() for func (c *Container)
// inc(). The interpreter otherwise copies the whole receiver value to learn what it holds
// before it takes its address, a read of c's mutex or WaitGroup that races with the other
// goroutines' use of it. (Methods of compiled types stay: the interpreter does not copy their
// receivers, and cannot run (&mu).Lock() on a session variable.)
func addressedReceivers(u *Unit) []Edit {
	var edits []Edit
	for _, f := range u.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncDecl:
				return !generic(n)
			case *ast.SelectorExpr:
				if pointerMethodOfValue(u.Info, n) && u.Info.Selections[n].Obj().Pkg() == u.Pkg {
					edits = append(edits, Edit{Pos: n.X.Pos(), End: n.X.Pos(), Text: "(&"}, Edit{Pos: n.X.End(), End: n.X.End(), Text: ")"})
				}
			}
			return true
		})
	}
	return edits
}

// pointerMethodOfValue reports whether sel selects a method with a pointer receiver of a
// value that is not a pointer, directly (not promoted through an embedded pointer).
func pointerMethodOfValue(info *types.Info, sel *ast.SelectorExpr) bool {
	s, ok := info.Selections[sel]
	if !ok || s.Kind() != types.MethodVal || s.Indirect() || len(s.Index()) != 1 {
		return false
	}
	recv := s.Obj().(*types.Func).Type().(*types.Signature).Recv()
	if recv == nil {
		return false
	}
	if _, ptr := recv.Type().(*types.Pointer); !ptr {
		return false
	}
	t := info.TypeOf(sel.X)
	if t == nil {
		return false
	}
	_, isPtr := t.Underlying().(*types.Pointer)
	_, isIface := t.Underlying().(*types.Interface)
	return !isPtr && !isIface
}
