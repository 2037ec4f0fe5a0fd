// Package complete answers a notebook front end's questions about Go source: completions at
// the cursor, the signature and documentation of the name under it, and whether the code is
// ready to run. It reads the session through a Scope and the compiled packages through yaegi's
// symbol tables, without importing yaegi itself.
//
// Cursor positions count Unicode code points, as the Jupyter protocol does.
package complete
