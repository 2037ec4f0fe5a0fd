package eval

import "testing"

// TestRuntimeErrors checks that run-time panics say Go's words, at the cell line of the
// expression that panicked.
func TestRuntimeErrors(t *testing.T) {
	runCases(t, Options{}, []cellCase{
		{name: "index out of range at its line, with Go's values", setup: []string{`import "fmt"`},
			code: "xs := []int{1, 2, 3}\ni := 5\nfmt.Println(xs[i])",
			err:  "panic: runtime error: index out of range [5] with length 3\n\x1b[0;31mpanic\x1b[0m: runtime error: index out of range [5] with length 3\n  at In[2] line 3:13"},
		{name: "index out of range in a func of an earlier cell", setup: []string{`func get(xs []int, i int) int {
	n := len(xs)
	_ = n
	return xs[i]
}`},
			code: "get([]int{1}, 3)", err: "get at In[1] line 4:9\n\x1b[0;32m   4 |\x1b[0m \treturn xs[i]"},
		{name: "nil map", code: "var m map[string]int\nn := 1\nm[\"a\"] = n", err: "panic: assignment to entry in nil map\n\x1b[0;31mpanic\x1b[0m: assignment to entry in nil map\n  at In[1] line 3:1"},
		{name: "slice bounds", code: "xs := make([]int, 2, 3)\nys := xs[1:5]", err: "slice bounds out of range [:5] with capacity 3\n"},
		{name: "nil pointer", code: "type node struct{ next *node }\nvar n *node\nm := n.next", err: "panic: runtime error: invalid memory address or nil pointer dereference"},
		{name: "failed type assertion", code: "var v any = \"s\"\nn := v.(int)", err: "panic: interface conversion: interface {} is string, not int\n"},
		{name: "divide by zero", code: "a, b := 1, 0\nc := a / b", err: "integer divide by zero\n\x1b[0;31mpanic\x1b[0m: runtime error: integer divide by zero\n  at In[1] line 2:6"},
	})
}
