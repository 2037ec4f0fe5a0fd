package eval

import (
	"fmt"
	"reflect"
	"strings"
)

// runtimeError is a run-time panic of a cell as Go's recover returns it: a runtime.Error
// with Go's message.
type runtimeError struct{ msg string }

// Error returns Go's message for the panic.
func (e runtimeError) Error() string { return e.msg }

// RuntimeError marks the value as a runtime.Error.
func (runtimeError) RuntimeError() {}

// recovered is __rt.Recovered, around every recover call of a cell (see gofront.Recovered):
// a run-time panic of the interpreter's, which is a reflect panic or an error with yaegi's
// position, becomes a runtimeError in Go's words; any other value is returned as it is.
// bounds gives the index and length of the index expressions that the panic may have been
// in: Go's message shows them when exactly one of them is out of range.
func recovered(v any, bounds func() []int) any {
	msg, ok := interpreterPanic(v)
	if !ok {
		return v
	}
	if msg == "runtime error: index out of range" && bounds != nil {
		msg += outOfRange(bounds)
	}
	return runtimeError{msg}
}

// interpreterPanic returns Go's message for v when v is a run-time panic of the interpreter's.
func interpreterPanic(v any) (string, bool) {
	switch v := v.(type) {
	case string:
		text, ok := reflectPanics[v]
		return text, ok
	case *reflect.ValueError:
		return goPanicText(v.Error()), true
	case error:
		msg := v.Error()
		if !yaegiPanicPosition.MatchString(msg) {
			return "", false
		}
		text := goPanicText(msg)
		return text, strings.HasPrefix(text, "interface conversion: ") || strings.HasPrefix(text, "runtime error: ")
	}
	return "", false
}

// outOfRange says which index was out of range, " [5] with length 3", when bounds finds one
// (index, length) pair out of range; "" when it finds none or several, or panics.
func outOfRange(bounds func() []int) (says string) {
	defer func() {
		if recover() != nil {
			says = ""
		}
	}()
	pairs := bounds()
	for k := 0; k+1 < len(pairs); k += 2 {
		i, n := pairs[k], pairs[k+1]
		if i >= 0 && i < n {
			continue
		}
		s := fmt.Sprintf(" [%d] with length %d", i, n)
		if i < 0 {
			s = fmt.Sprintf(" [%d]", i)
		}
		if says != "" && says != s {
			return ""
		}
		says = s
	}
	return says
}
