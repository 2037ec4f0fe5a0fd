package eval

import (
	"github.com/concurlab/concurlab/kernel/gofront"

	"fmt"
	"go/ast"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/concurlab/concurlab/display"
	"github.com/concurlab/concurlab/kernel/engine"
)

// prelude is evaluated in every fresh interpreter. __cl_show runs in interpreted code because
// the methods of interpreted types are invisible to host reflection (yaegi #1413); it asks
// each value of the result for its renderings and hands them to the host. Measured yaegi
// v0.16.1 traps: a type switch with a bound variable matches every interface for a value of
// an interpreted type that has any method, and `x, ok := v.(I)` panics; `_, ok := v.(I)`
// answers right, after which the bound switch calls the method safely; and `a, b = x, y`
// may leave b unset, so each variable gets its own assignment. __cl_halt is Session.halt's;
// __cl_go runs the goroutine of a rewritten go statement (rewrite_go.go).
const prelude = `import ` + gofront.RuntimeName + ` "` + rtPath + `"

var ` + gofront.CellDefers + ` []func()

func __cl_halt() { __rt.Halt() }

func __cl_go(cell, line int, f func()) {
	__rt.GoStart(cell, line)
	defer func() { __rt.GoEnd(cell, line, recover()) }()
	f()
}

type __cl_bundler interface{ MIMEBundle() map[string]any }
type __cl_htmler interface{ HTML() string }
type __cl_svger interface{ SVG() string }
type __cl_markdowner interface{ Markdown() string }
type __cl_stringer interface{ String() string }
type __cl_errorer interface{ Error() string }

func __cl_show(values ...any) {
	for _, v := range values {
		var bundle map[string]any
		var html, svg, md, text string
		hasText := false
		if _, ok := v.(__cl_bundler); ok {
			switch x := v.(type) {
			case __cl_bundler:
				bundle = x.MIMEBundle()
			}
		}
		if _, ok := v.(__cl_htmler); ok {
			switch x := v.(type) {
			case __cl_htmler:
				html = x.HTML()
			}
		}
		if _, ok := v.(__cl_svger); ok {
			switch x := v.(type) {
			case __cl_svger:
				svg = x.SVG()
			}
		}
		if _, ok := v.(__cl_markdowner); ok {
			switch x := v.(type) {
			case __cl_markdowner:
				md = x.Markdown()
			}
		}
		if _, ok := v.(__cl_stringer); ok {
			switch x := v.(type) {
			case __cl_stringer:
				text = x.String()
				hasText = true
			}
		} else if _, ok := v.(__cl_errorer); ok {
			switch x := v.(type) {
			case __cl_errorer:
				text = x.Error()
				hasText = true
			}
		}
		__rt.Value(v, bundle, html, svg, md, text, hasText)
	}
}
`

// withCompiledMethods fills in the renderings of a value of a compiled type that the
// interpreted checks missed (yaegi answers some interface assertions on compiled values
// wrongly); host reflection sees compiled methods.
func withCompiledMethods(v shownValue) shownValue {
	if x, ok := v.value.(interface{ MIMEBundle() map[string]any }); ok && v.bundle == nil {
		v.bundle = x.MIMEBundle()
	}
	if x, ok := v.value.(interface{ HTML() string }); ok && v.html == "" {
		v.html = x.HTML()
	}
	if x, ok := v.value.(interface{ SVG() string }); ok && v.svg == "" {
		v.svg = x.SVG()
	}
	if x, ok := v.value.(interface{ Markdown() string }); ok && v.md == "" {
		v.md = x.Markdown()
	}
	if x, ok := v.value.(fmt.Stringer); ok && !v.hasText {
		v.text, v.hasText = x.String(), true
	} else if x, ok := v.value.(error); ok && !v.hasText {
		v.text, v.hasText = x.Error(), true
	}
	return v
}

// printing lists calls whose values nobody wants as a cell's result.
var printing = map[string]bool{
	"print": true, "println": true, "panic": true,
	"fmt.Print": true, "fmt.Printf": true, "fmt.Println": true,
	"fmt.Fprint": true, "fmt.Fprintf": true, "fmt.Fprintln": true,
}

// resultEdits wraps the last statement of p, when it is an expression, into __cl_show(…) so
// that its values (all of them, for a multi-value call) reach the host.
func resultEdits(p *parsedChunk) []edit {
	if len(p.stmts) == 0 {
		return nil
	}
	es, ok := p.stmts[len(p.stmts)-1].(*ast.ExprStmt)
	if !ok || isPrinting(es.X) {
		return nil
	}
	start, end := p.offset(es.X.Pos()), p.offset(es.X.End())
	return []edit{{start: start, end: start, repl: "__cl_show("}, {start: end, end: end, repl: ")"}}
}

// isPrinting reports a call to a printing function or to anything of package log.
func isPrinting(x ast.Expr) bool {
	call, ok := x.(*ast.CallExpr)
	if !ok {
		return false
	}
	switch f := call.Fun.(type) {
	case *ast.Ident:
		return printing[f.Name]
	case *ast.SelectorExpr:
		if pkg, ok := f.X.(*ast.Ident); ok {
			return pkg.Name == "log" || printing[pkg.Name+"."+f.Sel.Name]
		}
	}
	return false
}

// isNoValue reports yaegi's error for __cl_show(f()) when f returns nothing.
func isNoValue(err error) bool {
	return strings.Contains(err.Error(), "as type (...any)") || strings.Contains(err.Error(), "as type (...interface {})")
}

// render turns a cell's result values into an execute_result bundle; nil when there is
// nothing to show: no values, a display handle that is already on screen, or a lone nil
// interface, such as the nil error of `t.Join()` (Python's None shows nothing either).
func render(values []shownValue, limit int) *engine.DisplayData {
	if len(values) == 0 || (len(values) == 1 && (isDisplayHandle(values[0].value) || values[0].value == nil && !values[0].hasText)) {
		return nil
	}
	texts := make([]string, len(values))
	for i, v := range values {
		texts[i] = plainText(v)
	}
	data := map[string]any{"text/plain": truncate(strings.Join(texts, ", "), limit)}
	if len(values) == 1 {
		v := values[0]
		for mime, content := range v.bundle {
			data[mime] = content
		}
		if v.svg != "" {
			for mime, content := range display.SVGBundle(v.svg) {
				if mime != "text/plain" {
					data[mime] = content
				}
			}
		}
		for mime, content := range map[string]string{"text/html": v.html, "text/markdown": v.md} {
			if content != "" {
				data[mime] = content
			}
		}
	}
	return &engine.DisplayData{Data: data}
}

// plainText renders a value as a Go programmer expects to read it: String() or Error() where
// the value has one; strings quoted (so that "" and trailing spaces show); nil pointers,
// maps, slices, channels and funcs with their type; everything else with %v.
func plainText(v shownValue) string {
	if v.hasText {
		return v.text
	}
	if v.value == nil {
		return "<nil>"
	}
	rv := reflect.ValueOf(v.value)
	switch rv.Kind() {
	case reflect.String:
		return strconv.Quote(rv.String())
	case reflect.Pointer, reflect.Map, reflect.Slice, reflect.Chan, reflect.Func:
		if rv.IsNil() {
			return fmt.Sprintf("%T(nil)", v.value)
		}
	}
	return fmt.Sprintf("%v", v.value)
}

// truncate cuts text to limit bytes (on a rune boundary), saying how much was left out.
func truncate(text string, limit int) string {
	if len(text) <= limit {
		return text
	}
	cut := limit
	for cut > 0 && !utf8.RuneStart(text[cut]) {
		cut--
	}
	return text[:cut] + fmt.Sprintf("\n… (result truncated: %d more bytes)", len(text)-cut)
}

// isDisplayHandle reports a handle returned by the display package (a display or progress
// bar already on screen), which must not be rendered again as the result.
func isDisplayHandle(v any) bool {
	switch v.(type) {
	case *display.Handle, *display.ProgressBar:
		return true
	}
	return false
}
