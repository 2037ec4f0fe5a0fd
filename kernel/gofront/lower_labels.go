package gofront

import (
	"fmt"
	"go/ast"
	"go/token"
)

// selectBranches lowers the break and continue statements inside a select's cases that the
// interpreter gets wrong: a break or continue that leaves the select for an enclosing loop
// (labelled or not) does nothing when it is a statement of the case itself, and a break of
// the select inside a nested block leaves the loop around it. Each one is put inside an if,
// where the interpreter runs it right, and a break of the select names the select by a label:
//
//	select { case <-done: break loop }   becomes   select { case <-done: if true { break loop } }
//	select { default: if x { break } }   becomes   __cl_sel7: select { default: if x { if true { break __cl_sel7 } } }
func selectBranches(u *Unit) []Edit {
	var edits []Edit
	labelled := map[*ast.SelectStmt]string{}
	for _, f := range u.Files {
		ast.PreorderStack(f, nil, func(n ast.Node, stack []ast.Node) bool {
			b, ok := n.(*ast.BranchStmt)
			if !ok || (b.Tok != token.BREAK && b.Tok != token.CONTINUE) {
				return true
			}
			sel, target := branchTarget(b, stack)
			if sel == nil || crossesFuncRange(u, stack, target) {
				return true
			}
			text := b.Tok.String()
			switch {
			case target == ast.Node(sel) && b.Label != nil:
				return true // a labelled break of the select itself runs right
			case target == ast.Node(sel):
				name, ok := labelled[sel]
				if !ok {
					name = fmt.Sprintf("__cl_sel%d", int(sel.Select))
					labelled[sel] = name
					edits = append(edits, Edit{Pos: sel.Select, End: sel.Select, Text: name + ": "})
				}
				text += " " + name
			case b.Label != nil:
				text += " " + b.Label.Name
			}
			edits = append(edits, Edit{Pos: b.Pos(), End: b.End(), Text: "if true { " + text + " }"})
			return true
		})
	}
	return edits
}

// branchTarget returns the statement that b, the last node of stack, leaves, and the
// innermost select on the way to it, or nil if there is none.
func branchTarget(b *ast.BranchStmt, stack []ast.Node) (sel *ast.SelectStmt, target ast.Node) {
	for i := len(stack) - 1; i >= 0; i-- {
		n := stack[i]
		switch n := n.(type) {
		case *ast.FuncLit, *ast.FuncDecl:
			return nil, nil
		case *ast.SelectStmt:
			if sel == nil {
				sel = n
			}
		}
		if b.Label != nil {
			if l, ok := n.(*ast.LabeledStmt); ok && l.Label.Name == b.Label.Name {
				return sel, l.Stmt
			}
			continue
		}
		switch n.(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			return sel, n
		case *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
			if b.Tok == token.BREAK {
				return sel, n
			}
		}
	}
	return nil, nil
}

// crossesFuncRange reports whether a range over a function lies between the last node of
// stack and target, or is target: rangeLoops lowers the branches that leave its body.
func crossesFuncRange(u *Unit, stack []ast.Node, target ast.Node) bool {
	rl := &rangeLowering{u: u}
	for i := len(stack) - 1; i >= 0; i-- {
		if r, ok := stack[i].(*ast.RangeStmt); ok && rl.isFuncRange(r) {
			return true
		}
		if stack[i] == target {
			return false
		}
	}
	return false
}
