package eval

import (
	"fmt"
	"go/ast"
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"github.com/concurlab/concurlab/kernel/engine"
	"github.com/concurlab/concurlab/kernel/gofront"
)

// panicReport reports a panic of the running cell's own flow: Go's words for it, the line of
// the expression that panicked where the front end can tell it (yaegi's trace gives each
// frame's first line only), and the frames it went through.
func (s *Session) panicReport(code string, cell int, value any, trace []string) *engine.Error {
	msg := goPanicText(fmt.Sprint(value))
	frames := traceFrames(trace)
	var lines []string
	if ck := s.checked; ck != nil && len(frames) > 0 {
		if node, ok := ck.PanicSite(frames[0], gofront.KindOf(msg)); ok {
			decl, line, col := ck.Place(node.Pos())
			if decl == nil && frames[0] == "main" {
				msg = s.withValues(msg, node)
			}
			lines = append(lines, placeLines(code, cell, frameName(frames[0], cell), decl, line, col)...)
			frames = frames[1:]
		}
	}
	for i, f := range frames {
		verb := "called by"
		if i == 0 && len(lines) == 0 {
			verb = "in"
		}
		lines = append(lines, fmt.Sprintf("  %s %s", verb, frameName(f, cell)))
	}
	return newError("panic", msg, lines...)
}

// traceFrames reads the frames of yaegi's panic trace, innermost first, as the front end names
// them; the evaluator's own helpers are left out, and a pasted program's main is main again.
func traceFrames(trace []string) []gofront.Frame {
	var frames []gofront.Frame
	for _, t := range trace {
		m := traceFrame.FindStringSubmatch(t)
		if m == nil {
			continue
		}
		name := strings.TrimSuffix(m[3], "(...)")
		name = strings.Replace(name, "__cl_main", "main()", 1)
		if strings.HasPrefix(name, "__cl_") {
			continue
		}
		frames = append(frames, gofront.Frame(strings.Replace(name, "main()", "main", 1)))
	}
	return frames
}

// frameName says a frame as the user knows it: In[n] for the cell's top level.
func frameName(f gofront.Frame, cell int) string {
	if f == "main" {
		return fmt.Sprintf("In[%d]", cell)
	}
	if name, ok := strings.CutSuffix(string(f), ".func"); ok {
		return "a func literal in " + frameName(gofront.Frame(name), cell)
	}
	return string(f)
}

// placeLines shows where a panic happened: in the cell (decl nil) or in the declaration of an
// earlier cell, with the source line and a caret.
func placeLines(code string, cell int, frame string, decl *gofront.Decl, line, col int) []string {
	if decl == nil {
		where := fmt.Sprintf("  at In[%d] line %d:%d", cell, line, col)
		if frame != fmt.Sprintf("In[%d]", cell) {
			where = "  " + frame + where[1:]
		}
		return append([]string{where}, sourceContext(code, line, col)...)
	}
	// The declaration's text starts at its cell's line decl.Line, column decl.Col.
	text := strings.Repeat("\n", decl.Line-1) + strings.Repeat(" ", decl.Col-1) + decl.Source
	return append([]string{fmt.Sprintf("  %s at In[%d] line %d:%d", frame, decl.Cell, line, col)}, sourceContext(text, line, col)...)
}

// withValues completes Go's message for an index or slice expression out of range at the
// cell's top level, where the operands are the session's variables or constants: "index out
// of range [5] with length 3", "slice bounds out of range [:5] with capacity 3".
func (s *Session) withValues(msg string, node ast.Node) string {
	globals := s.globals()
	value := func(x ast.Expr) (reflect.Value, bool) {
		switch x := x.(type) {
		case *ast.Ident:
			v := globals[x.Name]
			return v, v.IsValid()
		case *ast.BasicLit:
			n, err := strconv.Atoi(x.Value)
			return reflect.ValueOf(n), err == nil
		}
		return reflect.Value{}, false
	}
	switch n := node.(type) {
	case *ast.IndexExpr:
		xv, ok1 := value(n.X)
		iv, ok2 := value(n.Index)
		if ok1 && ok2 && iv.CanInt() && strings.HasSuffix(msg, "index out of range") && hasLen(xv) {
			return fmt.Sprintf("%s [%d] with length %d", msg, iv.Int(), xv.Len())
		}
	case *ast.SliceExpr:
		xv, ok := value(n.X)
		if !ok || !strings.HasSuffix(msg, "slice bounds out of range") || !hasLen(xv) || n.Max != nil {
			return msg
		}
		low, high := int64(0), int64(-1)
		if n.Low != nil {
			v, ok := value(n.Low)
			if !ok || !v.CanInt() {
				return msg
			}
			low = v.Int()
		}
		if n.High != nil {
			v, ok := value(n.High)
			if !ok || !v.CanInt() {
				return msg
			}
			high = v.Int()
		}
		limit, what := int64(xv.Len()), "length"
		if xv.Kind() == reflect.Slice {
			limit, what = int64(xv.Cap()), "capacity"
		}
		switch {
		case high > limit:
			return fmt.Sprintf("%s [:%d] with %s %d", msg, high, what, limit)
		case high < 0 && low > int64(xv.Len()):
			return fmt.Sprintf("%s [%d:%d]", msg, low, xv.Len())
		case high >= 0 && low > high:
			return fmt.Sprintf("%s [%d:%d]", msg, low, high)
		}
	}
	return msg
}

// hasLen reports whether v is a slice, array or string.
func hasLen(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Slice, reflect.Array, reflect.String:
		return true
	}
	return false
}

// yaegiPanicPosition is the position that yaegi puts before some panic messages ("3:6: ").
var yaegiPanicPosition = regexp.MustCompile(`^\d+:\d+: `)
