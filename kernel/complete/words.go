package complete

// keywords are Go's keywords.
var keywords = []string{
	"break", "case", "chan", "const", "continue", "default", "defer", "else", "fallthrough",
	"for", "func", "go", "goto", "if", "import", "interface", "map", "package", "range",
	"return", "select", "struct", "switch", "type", "var",
}

// builtins are the predeclared names, by kind; their docs come from package builtin. min, max
// and clear are left out: yaegi v0.16.1 does not know them.
var builtins = map[string]string{
	"append": "function", "cap": "function", "close": "function",
	"complex": "function", "copy": "function", "delete": "function", "imag": "function",
	"len": "function", "make": "function", "new": "function", "panic": "function", "print": "function", "println": "function",
	"real": "function", "recover": "function",
	"any": "type", "bool": "type", "byte": "type", "comparable": "type", "complex64": "type",
	"complex128": "type", "error": "type", "float32": "type", "float64": "type", "int": "type",
	"int8": "type", "int16": "type", "int32": "type", "int64": "type", "rune": "type",
	"string": "type", "uint": "type", "uint8": "type", "uint16": "type", "uint32": "type",
	"uint64": "type", "uintptr": "type",
	"true": "constant", "false": "constant", "iota": "constant", "nil": "variable",
}
