package eval

import (
	"fmt"
	"io"
	"maps"
	"reflect"

	"github.com/traefik/yaegi/interp"
	"github.com/traefik/yaegi/stdlib"
)

// newFprints returns fmt's Fprint, Fprintf and Fprintln for cells: what they write to the
// cell's os.Stdout or os.Stderr takes the router's ordered writers instead of the pipes, so
// that fmt.Println and fmt.Fprintln(os.Stderr, ...) arrive in the order they ran.
func newFprints(ro *router) map[string]reflect.Value {
	target := func(w io.Writer) io.Writer {
		switch w {
		case io.Writer(ro.stdout.w):
			return ro.writer(ro.stdout)
		case io.Writer(ro.stderr.w):
			return ro.writer(ro.stderr)
		}
		return w
	}
	return map[string]reflect.Value{
		"Fprint":   reflect.ValueOf(func(w io.Writer, a ...any) (int, error) { return fmt.Fprint(target(w), a...) }),
		"Fprintf":  reflect.ValueOf(func(w io.Writer, f string, a ...any) (int, error) { return fmt.Fprintf(target(w), f, a...) }),
		"Fprintln": reflect.ValueOf(func(w io.Writer, a ...any) (int, error) { return fmt.Fprintln(target(w), a...) }),
	}
}

// stdlibSymbols returns yaegi's standard library table with fmt's Fprint functions replaced.
// The replacements get the interface mapping of the originals, with which yaegi lets fmt call
// the String and Error methods of interpreted values. (A table with "fmt/fmt" must be loaded
// in one Use: yaegi takes it for the standard library and loads its generic sources again.)
func (h *hostRuntime) stdlibSymbols() interp.Exports {
	symbols := maps.Clone(stdlib.Symbols)
	fmtTable := maps.Clone(symbols["fmt/fmt"])
	maps.Copy(fmtTable, h.fprints)
	symbols["fmt/fmt"] = fmtTable
	mapTypes := maps.Clone(stdlib.MapTypes)
	originals := map[string]any{"Fprint": fmt.Fprint, "Fprintf": fmt.Fprintf, "Fprintln": fmt.Fprintln}
	for name, replaced := range h.fprints {
		mapTypes[replaced] = stdlib.MapTypes[reflect.ValueOf(originals[name])]
	}
	symbols["."] = map[string]reflect.Value{"MapTypes": reflect.ValueOf(mapTypes)}
	return symbols
}
