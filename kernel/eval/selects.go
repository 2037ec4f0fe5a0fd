package eval

import "reflect"

// The select statements of cells run through these (gofront's selectStmts lowers them): the
// interpreter's own select keeps one list of cases per statement, which the goroutines that
// run it at once overwrite for each other.

// choose is __rt.Select: reflect.Select over cases built for this run of the statement, which
// an interrupt ends (the index is then -1, and the interpreter stops the goroutine at its next
// instruction).
func (h *hostRuntime) choose(cases ...reflect.SelectCase) (int, reflect.Value, bool) {
	cases = append(cases, reflect.SelectCase{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(h.stopped())})
	chosen, v, ok := reflect.Select(cases)
	if chosen == len(cases)-1 {
		return -1, reflect.Value{}, false
	}
	return chosen, v, ok
}

// recvCase is __rt.Recv: the case that receives from ch.
func recvCase(ch any) reflect.SelectCase {
	return reflect.SelectCase{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(ch)}
}

// sendCase is __rt.Send: the case that sends the one element of value, a slice of ch's
// element type (so that the value keeps the type the interpreter gave it), on ch.
func sendCase(ch, value any) reflect.SelectCase {
	return reflect.SelectCase{Dir: reflect.SelectSend, Chan: reflect.ValueOf(ch), Send: reflect.ValueOf(value).Index(0)}
}

// defaultCase is __rt.Default: a select's default.
func defaultCase() reflect.SelectCase { return reflect.SelectCase{Dir: reflect.SelectDefault} }

// receiveInto is __rt.Into: it stores the received v in the variable that ptr points to.
func receiveInto(ptr any, v reflect.Value) {
	if v.IsValid() {
		reflect.ValueOf(ptr).Elem().Set(v)
	}
}
