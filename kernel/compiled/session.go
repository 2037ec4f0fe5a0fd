package compiled

// Kind tells what a Piece holds.
type Kind int

const (
	// Statements are the body of main.
	Statements Kind = iota
	// Declaration is one package-level func, method, type, var or const declaration.
	Declaration
	// Import is one import declaration (possibly grouped).
	Import
	// Package is a package clause: the cell is a whole program.
	Package
)

// Piece is a piece of a cell's source, with where it stands: Text starts at line Line,
// column Col of cell In[Cell].
type Piece struct {
	Kind      Kind
	Text      string
	Cell      int
	Line, Col int
	// Declares names what a Declaration declares: F for a func, T.M for a method, and the
	// names of types, vars and consts. A cell's declaration replaces the earlier ones of
	// the same names.
	Declares []string
	// Result, for the statements that end the cell, holds the start and end offsets in Text
	// of the expression statement whose value is the cell's result, when there is one.
	Result []int
}

// Source is what a compiled cell is built from: the cell cut into pieces, and what the
// session's earlier cells declared.
type Source struct {
	// Cell is the compiled cell, cut into pieces in source order.
	Cell []Piece
	// Earlier are the imports and declarations of earlier cells, as their cells had them.
	Earlier []Piece
	// Values are the names of the variables that statements of earlier cells made: their
	// values exist only in the interpreter, and a compiled program does not carry them.
	Values []string
}

// Sourcer is an engine that gives a compiled cell its pieces and the session's declarations.
type Sourcer interface {
	// CompileSource cuts code, the cell In[cell], into pieces as the engine cuts cells, and
	// returns them with the session's declarations.
	CompileSource(code string, cell int) Source
}
