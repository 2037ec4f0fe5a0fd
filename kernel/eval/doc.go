// Package eval is ConcurLab's evaluator: Go cells run on the yaegi interpreter (v0.16.1) with
// the standard library and the compiled "concur" and "display" packages. A Session implements
// engine.Engine and engine.Replayer in-process.
//
// Every cell is type-checked by the front end (kernel/gofront, go/types) against the
// session before the interpreter sees it: a cell with errors reports Go's own, up to ten,
// at the cell's lines and columns with the source line and a caret, and leaves the session
// as it was. The front end then lowers what yaegi runs wrongly (range over int and
// functions, min, max, clear, deferred calls' arguments, generic code, which it instantiates
// per type, the standard library's from Go's source) to plain Go.
//
// yaegi gets several more things wrong on its own; a Session works around each:
//
//   - A cell may mix imports, declarations and statements: it is split at brace depth 0 and
//     each chunk is parsed with the cell's own lines and columns. The declarations of a
//     cell refer to each other in any order, as in a Go file; a pasted program (package
//     main, func main, init funcs) runs main after its declarations, as go run does.
//   - Redeclaring a func, method, type, var or const builds a fresh interpreter from the latest
//     version of every declaration, so that callers see the new one. The session's variables
//     are carried over (basic, slice, map, pointer and channel values, compiled library types,
//     and values of the session's struct types when the type is unchanged); those that
//     cannot be (changed types, funcs, locks held by value) are reset and named on stderr, and
//     so are variables that a statement made with a session type that is not a struct
//     (c := Celsius(5)): yaegi keeps only the underlying type, so they lose their methods.
//     Re-importing a package is a no-op. A rebuild never runs an earlier cell's
//     initialisers or statements again (flag.Int, a print): values are carried over.
//   - Every go statement becomes a goroutine that recovers a panic and reports it with the
//     cell and line of the go statement: on the running cell's reply, or on stderr at the
//     next cell. Loops whose variables a closure captures get Go 1.22 per-iteration
//     variables, or a warning where the loop assigns to its variable.
//   - The last expression statement is the cell's result, all values of a multi-value call.
//     Its text/plain is the value's String() or Error() where it has one, a quoted Go
//     string for strings (so "" and trailing spaces show), T(nil) for nil pointers, maps,
//     slices, channels and funcs, %v otherwise; values are joined by ", " and long text is
//     cut with a notice. Values with HTML, SVG, Markdown or MIMEBundle methods (interpreted
//     or compiled) add text/html, image/svg+xml, text/markdown or their bundle. Handles of
//     the display package are not rendered again.
//   - Output of the cell and of its goroutines, os.Stdout and os.Stderr included (real pipes),
//     goes to the cell; output printed between cells is shown at the start of the next one
//     under a header. os.Stdin and fmt.Scan ask the front end for input.
//   - An interrupt ends the cell at once; time.Sleep and concur's blocking calls return, and
//     the next cell runs in a rebuilt interpreter so that goroutines stuck in compiled calls
//     never resume. os.Exit(n) and log.Fatal end the cell as they end a program: nothing
//     after them runs, and the cell fails with "exit status n" when n is not 0.
//   - A cell whose flow and goroutines all wait on channels, locks or wait groups, with no
//     timer pending, ends after Options.DeadlockAfter with Go's "all goroutines are asleep -
//     deadlock!" and where each goroutine waits.
//   - With Options.ProcessCommand, concur.StartProcesses starts real processes that run
//     ServeProcess: each declares the session's declarations in a session of its own and calls
//     its functions by name for the pool; they print into the cell, and an interrupt or Reset
//     kills them.
package eval
