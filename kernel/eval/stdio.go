package eval

import (
	"fmt"
	"io"
	"log"
	"maps"
	"reflect"

	"github.com/traefik/yaegi/interp"
	"github.com/traefik/yaegi/stdlib"
)

// newFprints returns fmt's Fprint, Fprintf and Fprintln for cells: what they write to the
// cell's os.Stdout or os.Stderr takes cellStdio's ordered writers instead of the pipes, so
// that fmt.Println and fmt.Fprintln(os.Stderr, ...) arrive in the order they ran.
func newFprints(ro *cellStdio) map[string]reflect.Value {
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

// stdlibSymbols returns yaegi's standard library table with fmt's Fprint, Sprint, Append and
// Errorf functions replaced by ones that print cell-declared types as Go does (gofmt.go), and
// with __rt.Typed. (A table with "fmt/fmt" must be loaded in one Use: yaegi takes it for the
// standard library and loads its generic sources again. The same Use then replaces Print,
// Printf, Println and log's functions by its own: printExports replaces them in a later Use.)
func (h *hostRuntime) stdlibSymbols() interp.Exports {
	p := newGoPrinter(h)
	fprintf := h.fprints["Fprintf"].Interface().(func(io.Writer, string, ...any) (int, error))
	fprint := func(name string, ln bool) reflect.Value {
		plain := h.fprints[name].Interface().(func(io.Writer, ...any) (int, error))
		return reflect.ValueOf(func(w io.Writer, a ...any) (int, error) {
			if f, out, ok := p.rewrite(a, ln); ok {
				return fprintf(w, f, out...)
			}
			return plain(w, a...)
		})
	}
	replaced := map[string]reflect.Value{
		"Fprint":   fprint("Fprint", false),
		"Fprintln": fprint("Fprintln", true),
		"Fprintf": reflect.ValueOf(func(w io.Writer, f string, a ...any) (int, error) {
			f, a = p.rewritef(f, a, false)
			return fprintf(w, f, a...)
		}),
		"Sprint":   reflect.ValueOf(func(a ...any) string { return p.sprint(a, false) }),
		"Sprintln": reflect.ValueOf(func(a ...any) string { return p.sprint(a, true) }),
		"Sprintf":  reflect.ValueOf(func(f string, a ...any) string { return p.sprintf(f, a) }),
		"Append":   reflect.ValueOf(func(b []byte, a ...any) []byte { return append(b, p.sprint(a, false)...) }),
		"Appendln": reflect.ValueOf(func(b []byte, a ...any) []byte { return append(b, p.sprint(a, true)...) }),
		"Appendf": reflect.ValueOf(func(b []byte, f string, a ...any) []byte {
			f, a = p.rewritef(f, a, false)
			return fmt.Appendf(b, f, a...)
		}),
		"Errorf": reflect.ValueOf(func(f string, a ...any) error {
			f, a = p.rewritef(f, a, true)
			return fmt.Errorf(f, a...)
		}),
	}
	symbols := maps.Clone(stdlib.Symbols)
	fmtTable := maps.Clone(symbols["fmt/fmt"])
	maps.Copy(fmtTable, replaced)
	symbols["fmt/fmt"] = fmtTable
	symbols[rtPath+"/rt"] = map[string]reflect.Value{"Typed": reflect.ValueOf(typed)}
	symbols["."] = map[string]reflect.Value{"MapTypes": reflect.ValueOf(maps.Clone(stdlib.MapTypes))}
	return symbols
}

// printExports returns fmt's Print, Printf and Println and log's printing functions for
// cells, printing cell-declared types as Go does, to be loaded after stdlibSymbols. The log
// functions share one logger, so that log.SetFlags and log.SetPrefix apply to them.
func (h *hostRuntime) printExports() interp.Exports {
	p := newGoPrinter(h)
	stdout := h.ro.writer(h.ro.stdout)
	l := log.New(h.ro.writer(h.ro.stderr), "", log.LstdFlags)
	printers := map[string]map[string]reflect.Value{
		lateFmtKey: {
			"Print":   reflect.ValueOf(func(a ...any) (int, error) { return io.WriteString(stdout, p.sprint(a, false)) }),
			"Println": reflect.ValueOf(func(a ...any) (int, error) { return io.WriteString(stdout, p.sprint(a, true)) }),
			"Printf": reflect.ValueOf(func(f string, a ...any) (int, error) {
				f, a = p.rewritef(f, a, false)
				return fmt.Fprintf(stdout, f, a...)
			}),
		},
		"log/log": {
			"Print":   reflect.ValueOf(func(a ...any) { _ = l.Output(2, p.sprint(a, false)) }),
			"Println": reflect.ValueOf(func(a ...any) { _ = l.Output(2, p.sprint(a, true)) }),
			"Printf":  reflect.ValueOf(func(f string, a ...any) { _ = l.Output(2, p.sprintf(f, a)) }),
			"Panic":   reflect.ValueOf(func(a ...any) { p.panic(l, p.sprint(a, false)) }),
			"Panicln": reflect.ValueOf(func(a ...any) { p.panic(l, p.sprint(a, true)) }),
			"Panicf":  reflect.ValueOf(func(f string, a ...any) { p.panic(l, p.sprintf(f, a)) }),
		},
	}
	for name, v := range map[string]any{"Flags": l.Flags, "SetFlags": l.SetFlags, "Prefix": l.Prefix, "SetPrefix": l.SetPrefix,
		"Output": l.Output, "SetOutput": l.SetOutput, "Writer": l.Writer} {
		printers["log/log"][name] = reflect.ValueOf(v)
	}
	return interp.Exports(printers)
}

// lateFmtKey names fmt's table in a Use after the standard library's: yaegi reads the key
// as path.Dir and path.Base ("fmt", "fmt") to load it, but takes a table keyed exactly
// "fmt/fmt" for a new standard library (fixStdlib, then its generic sources again, which
// fails), so this key is spelled otherwise.
const lateFmtKey = "fmt/./fmt"

// sprint is fmt.Sprint (ln false) or fmt.Sprintln of a, printing cell-declared types as Go does.
func (p *goPrinter) sprint(a []any, ln bool) string {
	if f, out, ok := p.rewrite(a, ln); ok {
		return fmt.Sprintf(f, out...)
	}
	if ln {
		return fmt.Sprintln(a...)
	}
	return fmt.Sprint(a...)
}

// sprintf is fmt.Sprintf, printing cell-declared types as Go does.
func (p *goPrinter) sprintf(format string, a []any) string {
	format, a = p.rewritef(format, a, false)
	return fmt.Sprintf(format, a...)
}

// panic is log.Panic's end: msg logged, then panicked with.
func (p *goPrinter) panic(l *log.Logger, msg string) {
	_ = l.Output(3, msg)
	panic(msg)
}
