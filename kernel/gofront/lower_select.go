package gofront

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// Runtime names the compiled functions that lowered code calls, as the package the caller
// imports under the name RuntimeName in every piece of code it runs: the evaluator provides
// them, and its tests check that it provides each one.
var Runtime = []string{"Select", "Recv", "Send", "Default", "Into"}

// RuntimeName is the name lowered code calls Runtime's functions by.
const RuntimeName = "__rt"

// selectStmts lowers the select statements that have a communication: the interpreter keeps
// one list of cases per select statement, shared by every goroutine that runs it, so that two
// goroutines in one select at once can wait on each other's channels or send each other's
// values (a worker pool's results go missing). The lowered select builds its cases afresh
// each time, in Go's order, on the select's line, and dispatches on the chosen one:
//
//	select { case v, ok := <-in: …; case out <- x * 2: …; default: … }
//
// becomes
//
//	switch __cl_si7, __cl_sv7, __cl_sok7 := __rt.Select(__rt.Recv(in), __rt.Send(out, []int{x * 2}), __rt.Default()); __cl_si7 {
//	case 0: var __cl_st7 T; __rt.Into(&__cl_st7, __cl_sv7); v, ok := __cl_st7, __cl_sok7; …
//	case 1: …
//	case 2: … }
//
// A break leaves the switch as it left the select. edits are the unit's other lowerings:
// the channel and value expressions move into the switch with theirs applied. A select whose
// expressions span lines (moving them would move lines) or hold a select stays as it is.
func selectStmts(u *Unit, edits []Edit) []Edit {
	var out []Edit
	for _, f := range u.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncDecl:
				return !generic(n)
			case *ast.SelectStmt:
				if lowered, ok := lowerSelect(u, n, edits); ok {
					out = append(out, lowered...)
				}
			}
			return true
		})
	}
	return out
}

// lowerSelect returns selectStmts' edits of s, or false if s stays as it is.
func lowerSelect(u *Unit, s *ast.SelectStmt, inner []Edit) ([]Edit, bool) {
	id := int(s.Select)
	index, value, okName, temp := fmt.Sprintf("__cl_si%d", id), fmt.Sprintf("__cl_sv%d", id), fmt.Sprintf("__cl_sok%d", id), fmt.Sprintf("__cl_st%d", id)
	text := func(e ast.Expr) (string, bool) {
		moved, ok := editedText(u, inner, e)
		return moved, ok && !hasSelect(e)
	}
	var cases []string
	var edits []Edit
	communicates := false
	for i, stmt := range s.Body.List {
		cc := stmt.(*ast.CommClause)
		head := fmt.Sprintf("case %d:", i)
		switch comm := cc.Comm.(type) {
		case nil:
			cases = append(cases, RuntimeName+".Default()")
		case *ast.SendStmt:
			ch, ok1 := text(comm.Chan)
			v, ok2 := text(comm.Value)
			elem, ok3 := chanElem(u, comm.Chan)
			if !ok1 || !ok2 || !ok3 {
				return nil, false
			}
			cases = append(cases, fmt.Sprintf("%s.Send(%s, []%s{%s})", RuntimeName, ch, u.TypeString(elem), v))
		default:
			recv, lhs, tok := receive(comm)
			if recv == nil {
				return nil, false
			}
			ch, ok1 := text(recv.X)
			elem, ok2 := chanElem(u, recv.X)
			if !ok1 || !ok2 {
				return nil, false
			}
			cases = append(cases, fmt.Sprintf("%s.Recv(%s)", RuntimeName, ch))
			if len(lhs) > 0 {
				head += fmt.Sprintf(" var %s %s; %s.Into(&%s, %s);", temp, u.TypeString(elem), RuntimeName, temp, value)
				assigned := []string{temp, okName}[:len(lhs)]
				var names, defined []string
				for _, l := range lhs {
					names = append(names, types.ExprString(l))
					if tok == token.DEFINE && !isBlank(l) {
						defined = append(defined, types.ExprString(l))
					}
				}
				head += fmt.Sprintf(" %s %s %s;", strings.Join(names, ", "), tok, strings.Join(assigned, ", "))
				if len(defined) > 0 {
					head += fmt.Sprintf(" %s = %s;", strings.TrimSuffix(strings.Repeat("_, ", len(defined)), ", "), strings.Join(defined, ", "))
				}
			}
		}
		if cc.Comm != nil {
			communicates = true
		}
		edits = append(edits, keepLines(u, cc.Case, cc.Colon+1, head))
	}
	if !communicates {
		return nil, false
	}
	header := fmt.Sprintf("switch %s, %s, %s := %s.Select(%s); %s {", index, value, okName, RuntimeName, strings.Join(cases, ", "), index)
	return append(edits, keepLines(u, s.Select, s.Body.Lbrace+1, header)), true
}

// receive returns the receive operation of a select's communication, with the variables it
// assigns or defines and the token that does it.
func receive(comm ast.Stmt) (*ast.UnaryExpr, []ast.Expr, token.Token) {
	switch comm := comm.(type) {
	case *ast.ExprStmt:
		if r, ok := ast.Unparen(comm.X).(*ast.UnaryExpr); ok && r.Op == token.ARROW {
			return r, nil, token.ILLEGAL
		}
	case *ast.AssignStmt:
		if r, ok := ast.Unparen(comm.Rhs[0]).(*ast.UnaryExpr); ok && r.Op == token.ARROW && len(comm.Rhs) == 1 {
			return r, comm.Lhs, comm.Tok
		}
	}
	return nil, nil, token.ILLEGAL
}

// chanElem returns the element type of the channel ch.
func chanElem(u *Unit, ch ast.Expr) (types.Type, bool) {
	t := u.Info.TypeOf(ch)
	if t == nil {
		return nil, false
	}
	c, ok := t.Underlying().(*types.Chan)
	if !ok {
		return nil, false
	}
	return c.Elem(), true
}

// hasSelect reports whether e holds a select statement (in a function literal), whose own
// lowering the moved text would not have.
func hasSelect(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		_, sel := n.(*ast.SelectStmt)
		found = found || sel
		return !found
	})
	return found
}
