package eval

import (
	"fmt"
	"go/ast"
	"go/token"
	"strings"
)

// builtins cannot be bound to a variable, so a go statement calls them by name.
var builtins = map[string]bool{
	"append": true, "cap": true, "clear": true, "close": true, "complex": true, "copy": true,
	"delete": true, "imag": true, "len": true, "make": true, "max": true, "min": true,
	"new": true, "panic": true, "print": true, "println": true, "real": true, "recover": true,
}

// goEdits rewrites every `go F(a, b)` of p into
//
//	{ go __cl_go(cell, line, func() func() { __cl_f := F; __cl_a0 := a; __cl_a1 := b; return func() { __cl_f(__cl_a0, __cl_a1) } }()) }
//
// on the same lines: the function value and arguments are evaluated at once as Go does, one
// define each (yaegi makes f nil in `f, a := F, a` when F is a declared func), and a
// panic in the goroutine is recovered by the prelude's __cl_go and reported with the cell and
// line of the go statement instead of killing the process (yaegi #1560). F, a and b stay
// where they were, so edits inside them (a nested go statement or loop) still apply.
//
// Everything the goroutine reads is made in the frame of the function called at once, new
// for each go statement run, and passed to __cl_go as an argument, which yaegi copies before
// the goroutine starts. yaegi v0.16.1 keeps a variable, a call's result and a closure in a
// slot of the frame that evaluates them, the same slot each time round a loop: a goroutine
// that read such a slot of the go statement's frame could call the next iteration's function,
// and a closure writes its slot back, unlocked, when a call of it returns.
func goEdits(p *parsedChunk, cell int) []edit {
	var edits []edit
	ast.Inspect(p.file, func(n ast.Node) bool {
		if g, ok := n.(*ast.GoStmt); ok {
			edits = append(edits, goStmtEdits(p, g, cell)...)
		}
		return true
	})
	return edits
}

// goItem is the function or one argument of a go statement's call.
type goItem struct {
	start, end int
	name       string // variable bound to it, or "" when the call names it inline
}

func goStmtEdits(p *parsedChunk, g *ast.GoStmt, cell int) []edit {
	call := g.Call
	items := []goItem{{start: p.offset(call.Fun.Pos()), end: p.offset(call.Fun.End()), name: "__cl_f"}}
	if id, ok := call.Fun.(*ast.Ident); ok && builtins[id.Name] {
		items[0].name = ""
	}
	for i, arg := range call.Args {
		item := goItem{start: p.offset(arg.Pos()), end: p.offset(arg.End()), name: fmt.Sprintf("__cl_a%d", i)}
		if isInlineLiteral(arg) {
			item.name = ""
		}
		items = append(items, item)
	}

	var bound, calls []string
	for _, it := range items {
		text := p.text[it.start:it.end]
		if it.name == "" {
			calls = append(calls, text)
			continue
		}
		bound = append(bound, it.name)
		calls = append(calls, it.name)
	}
	callText := calls[0] + "(" + strings.Join(calls[1:], ", ")
	if call.Ellipsis.IsValid() {
		callText += "..."
	}
	callText += ")"
	line := p.cellLine(g.Pos())
	open := fmt.Sprintf("{ go __cl_go(%d, %d, func() func() { ", cell, line)
	launch := "return func() { " + callText + " } }()) }"

	var edits []edit
	newlines := 0
	gapStart := p.offset(g.Pos())
	firstBound := true
	for _, it := range items {
		gap := p.text[gapStart:it.start]
		newlines += strings.Count(gap, "\n")
		repl := ""
		if it.name != "" {
			repl = "; " + it.name + " := "
			if firstBound {
				repl = open + it.name + " := "
				firstBound = false
			}
		}
		if gapStart < it.start || repl != "" {
			edits = append(edits, edit{start: gapStart, end: it.start, repl: repl})
		}
		if it.name == "" {
			edits = append(edits, edit{start: it.start, end: it.end})
		}
		gapStart = it.end
	}
	end := p.offset(call.Rparen) + 1
	newlines += strings.Count(p.text[gapStart:end], "\n")
	tail := "; " + launch
	if len(bound) == 0 {
		tail = open + launch
	}
	edits = append(edits, edit{start: gapStart, end: end, repl: tail + strings.Repeat("\n", newlines)})
	return edits
}

// isInlineLiteral reports a literal argument that a go statement may keep inline: it is a
// constant, so evaluating it late changes nothing, and binding it to a variable would fix its
// type too early (an untyped 1 passed to a float64 parameter).
func isInlineLiteral(arg ast.Expr) bool {
	switch a := arg.(type) {
	case *ast.BasicLit:
		return !strings.Contains(a.Value, "\n")
	case *ast.UnaryExpr:
		return a.Op == token.SUB && isInlineLiteral(a.X)
	}
	return false
}
