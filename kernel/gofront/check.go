package gofront

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"go/types"
	"path"
	"slices"
	"strconv"
	"strings"
)

// Session is what the front end is told of an evaluator session before each cell: what the
// earlier cells imported and declared, and the variables their statements made. The
// evaluator keeps it; the front end keeps nothing between cells.
type Session struct {
	Imports []Import
	Decls   []Decl
	Vars    []Var
	// Instances are the instances of the session's generic code that earlier cells made
	// (Generated with a Generic name): a cell that redefines the generic code writes them
	// again.
	Instances []Instance
}

// Instance is an instance of a generic function or type of the session: its name and type
// arguments as Go source.
type Instance struct {
	Generic string
	Args    []string
}

// Import is one imported package. Name is "" for the package's own name.
type Import struct {
	Name, Path string
}

// Decl is one top-level declaration of an earlier cell, as its cell wrote it.
type Decl struct {
	Names  []string // what it declares: "f", "T", "x", and "T.M" for a method
	Source string
	Cell   int // the execution count of its cell
	Line   int // its cell line and column, from 1
	Col    int
}

// Var is a variable that a statement of an earlier cell made (x := …), with its type as Go
// source that is valid where the session's declarations stand.
type Var struct {
	Name, Type string
	// Interp is the type as the interpreter's code writes it, when that differs from Type
	// (an instance of a generic type is a generated declaration there).
	Interp string
}

// PieceKind tells what a piece of a cell holds.
type PieceKind int

const (
	// Statements run in the cell's flow.
	Statements PieceKind = iota
	// Declaration is one func, method, type, var or const declaration.
	Declaration
	// Imports is one import declaration.
	Imports
)

// Piece is a part of a cell, cut at brace depth 0: runs of statements and single
// declarations, in source order.
type Piece struct {
	Kind   PieceKind
	Offset int // of Text in the cell
	Text   string
}

// Error is an error at a place of the cell, in Go's words.
type Error struct {
	Line, Col int
	Msg       string
}

func (e Error) Error() string { return fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Msg) }

// MaxErrors is how many of a cell's errors are reported, as the go command does.
const MaxErrors = 10

// Checked is a cell that type-checked.
type Checked struct {
	*Unit
	// Vars are the variables that the cell's top-level statements define, with their types.
	Vars []Var
	// DeclVars are the types of the package-level variables that the cell's declarations
	// declare, by name.
	DeclVars map[string]string
	// HiddenImports are imports (name → path) that the types of Vars need and the session
	// lacks: the evaluator imports them under these names.
	HiddenImports map[string]string
	// Dropped are the earlier declarations that no longer compile with this cell's
	// declarations, with the first error of each; the cell is checked without them.
	Dropped []Dropped
	// DroppedVars are earlier variables whose type no longer exists as it was.
	DroppedVars []string

	cell    string
	file    *ast.File
	session *ast.File // the session's part with every function body
	decls   []Decl    // the session's declarations, as the session part names them
	cellFn  *ast.FuncDecl
	offsets []pieceSpan
	qual    *qualifier
	texts   map[*token.File]string // the source of each checked file
	checker *Checker
	// generated are the declarations that Lowerings wrote for the cell.
	generated []Generated
	earlier   []Instance // the session's instances
}

// Dropped is an earlier declaration that a cell's redefinitions broke.
type Dropped struct {
	Decl Decl
	Err  Error
}

// pieceSpan locates a piece of the cell in the check file.
type pieceSpan struct {
	from, to int // offsets of the piece's text in the check file
	cellAt   int // offset of the piece's text in the cell
}

// Checker type-checks cells against a session. It is safe for use by one goroutine at a time.
//
// The session's part of what it checks (imports, declarations, variables) is parsed once for
// as long as the session does not change, and a cell that declares nothing, nor redefines a
// name, is checked against the session's declarations without their function bodies: those
// were checked when their cells ran, and nothing in such a cell can break them.
type Checker struct {
	imp  types.Importer
	fset *token.FileSet

	sessionSrc            string    // the session part last parsed
	sessionAST, signature *ast.File // it parsed, and it without non-generic function bodies
	empty                 *ast.File // a session part of nothing, for cells that use none of it
	cells                 int       // cells parsed into fset since
	std                   *stdSource
	written               struct { // the session part sessionSource wrote last, and of what
		imports []Import
		decls   []Decl
		vars    []Var
		src     string
	}
	// Interpreted reports whether the interpreter has the package-level object name of the
	// package at path; nil means it has everything exported. What it lacks of the standard
	// library (what Go added after the interpreter's tables) is copied from Go's source.
	Interpreted func(path, name string) bool
}

// maxCellFiles bounds the cells' files that the file set keeps: past it, the session part is
// parsed again into a new one.
const maxCellFiles = 64

// NewChecker returns a checker that finds packages with imp.
func NewChecker(imp types.Importer) *Checker {
	return &Checker{imp: imp}
}

// parseSession parses src, the session part, into a new file set, unless it is the one
// parsed last.
func (c *Checker) parseSession(src string) error {
	if src == c.sessionSrc && c.sessionAST != nil && c.cells <= maxCellFiles {
		return nil
	}
	c.fset = token.NewFileSet()
	f, err := parser.ParseFile(c.fset, "", src, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return err
	}
	c.sessionSrc, c.sessionAST, c.signature, c.empty, c.cells = src, f, nil, nil, 0
	return nil
}

// signatures returns the session part without the bodies of its non-generic functions.
func (c *Checker) signatures() *ast.File {
	if c.signature == nil {
		stripped := *c.sessionAST
		stripped.Decls = slices.Clone(stripped.Decls)
		for i, d := range stripped.Decls {
			if fn, ok := d.(*ast.FuncDecl); ok && fn.Body != nil && !generic(fn) {
				bodiless := *fn
				bodiless.Body = nil
				stripped.Decls[i] = &bodiless
			}
		}
		c.signature = &stripped
	}
	return c.signature
}

// usesSession reports whether file names anything that s declares (or, as a field or
// method of the same name, may seem to).
func usesSession(file *ast.File, s Session) bool {
	names := map[string]bool{}
	for _, d := range s.Decls {
		for _, n := range d.Names {
			names[n] = true
		}
	}
	for _, v := range s.Vars {
		names[v.Name] = true
	}
	used := false
	ast.Inspect(file, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && names[id.Name] {
			used = true
		}
		return !used
	})
	return used
}

// emptySession returns a session part that declares nothing, in the checker's file set.
func (c *Checker) emptySession() *ast.File {
	if c.empty == nil {
		c.empty, _ = parser.ParseFile(c.fset, "", "package main\n", parser.SkipObjectResolution)
	}
	return c.empty
}

// generic reports whether fn has type parameters, or is a method of a generic type.
func generic(fn *ast.FuncDecl) bool {
	if fn.Type.TypeParams != nil {
		return true
	}
	if fn.Recv == nil || len(fn.Recv.List) == 0 {
		return false
	}
	x := fn.Recv.List[0].Type
	if star, ok := x.(*ast.StarExpr); ok {
		x = star.X
	}
	switch x.(type) {
	case *ast.IndexExpr, *ast.IndexListExpr:
		return true
	}
	return false
}

// cellFile is the name that the check file gives the cell's own lines.
const cellFile = "cell"

// cellFunc is the function that holds the cell's statements in the check file.
const cellFunc = "__cl_cell"

// Check type-checks the pieces of cell against s. A cell with errors returns them, at most
// MaxErrors, in source order; the session is not changed either way.
func (c *Checker) Check(s Session, cell string, pieces []Piece) (*Checked, []Error) {
	decls, vars := s.Decls, s.Vars
	var dropped []Dropped
	var droppedVars []string
	var hoisted []Var
	for {
		ck, errs, broken, brokenVars := c.check(Session{Imports: s.Imports, Decls: decls, Vars: append(slices.Clip(vars), hoisted...), Instances: s.Instances}, cell, pieces)
		if more := hoist(ck, errs); len(more) > 0 && len(hoisted) == 0 {
			hoisted = more
			continue
		}
		if len(errs) > 0 || (len(broken) == 0 && len(brokenVars) == 0) {
			if len(errs) > 0 {
				return nil, errs
			}
			ck.Dropped, ck.DroppedVars = dropped, droppedVars
			return ck, nil
		}
		for _, b := range slices.Backward(broken) {
			dropped = append(dropped, Dropped{Decl: decls[b.index], Err: b.err})
			decls = slices.Delete(slices.Clone(decls), b.index, b.index+1)
		}
		for _, name := range brokenVars {
			droppedVars = append(droppedVars, name)
			vars = slices.DeleteFunc(slices.Clone(vars), func(v Var) bool { return v.Name == name })
		}
	}
}

// hoist returns the variables that the cell's declarations use before the end of the
// cell's statements define them, as "undefined" errors of a check say: a declaration that
// follows `acct := account{}` in a cell may use acct, as a later cell's could. Only
// variables defined above the declaration are hoisted, as the interpreter runs the cell's
// parts in order.
func hoist(ck *Checked, errs []Error) []Var {
	if ck == nil || ck.cellFn == nil {
		return nil
	}
	var vars []Var
	for _, e := range errs {
		name, ok := strings.CutPrefix(e.Msg, "undefined: ")
		if !ok || slices.ContainsFunc(vars, func(v Var) bool { return v.Name == name }) {
			continue
		}
		id := ck.varIdent(name)
		if id == nil || ck.Info.Defs[id].Type() == types.Typ[types.Invalid] {
			continue // (total := total + "x" has no type to hoist)
		}
		defAt, _ := ck.CellOffset(id.Pos())
		if lineColOffset(ck.cell, e.Line, e.Col) < defAt {
			continue
		}
		vars = append(vars, Var{Name: name, Type: ck.TypeString(ck.Info.Defs[id].Type())})
	}
	return vars
}

// lineColOffset returns the offset in text of a line and column, from 1.
func lineColOffset(text string, line, col int) int {
	off := 0
	for l := 1; l < line; l++ {
		i := strings.IndexByte(text[off:], '\n')
		if i < 0 {
			return len(text)
		}
		off += i + 1
	}
	return off + col - 1
}

// brokenDecl is an earlier declaration that failed to check.
type brokenDecl struct {
	index int
	err   Error
}

// check is one attempt of Check: errors of the cell, or the earlier declarations and
// variables that failed.
func (c *Checker) check(s Session, cell string, pieces []Piece) (*Checked, []Error, []brokenDecl, []string) {
	sessionSrc, cellSrc, spans := c.buildCheckSource(s, cell, pieces)
	if err := c.parseSession(sessionSrc); err != nil {
		return nil, parseErrors(err), nil, nil
	}
	file, err := parser.ParseFile(c.fset, cellFile+".go", cellSrc, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return nil, parseErrors(err), nil, nil
	}
	c.cells++
	fn := cellFuncOf(file)
	session := c.sessionAST
	if !slices.ContainsFunc(pieces, func(p Piece) bool { return p.Kind == Declaration }) && !redefinesAny(fn, s.Decls) {
		session = c.signatures()
		if len(pieces) > 0 && !usesSession(file, s) {
			// Nothing of the session to check against (a check of no pieces is one of the
			// session itself, its types and methods).
			session = c.emptySession()
		}
	}
	fset := c.fset
	var all []types.Error
	conf := types.Config{
		Importer:  c.imp,
		GoVersion: GoVersion,
		Error:     func(err error) { all = append(all, err.(types.Error)) },
	}
	info := NewInfo()
	files := []*ast.File{session, file}
	pkg, _ := conf.Check("main", fset, files, info)
	ck := &Checked{Unit: &Unit{Fset: fset, Files: files, Pkg: pkg, Info: info, helpers: map[string]Generated{}}, earlier: s.Instances,
		cell: cell, file: file, session: c.sessionAST, decls: s.Decls, cellFn: fn, offsets: spans}
	var errs []Error
	var broken []brokenDecl
	var brokenVars []string
	for _, e := range all {
		pos := fset.Position(e.Pos)
		e.Msg = strings.ReplaceAll(e.Msg, " (declared at -)", "") // a position of export data
		if ignorable(e, ck) {
			continue
		}
		switch {
		case strings.HasPrefix(e.Msg, "\t") && pos.Filename == cellFile && len(errs) > 0:
			last := &errs[len(errs)-1]
			last.Msg += fmt.Sprintf("\n\tline %d:%d: %s", pos.Line, pos.Column, strings.TrimSpace(e.Msg))
		case strings.HasPrefix(e.Msg, "\t"):
		case pos.Filename == cellFile:
			errs = append(errs, Error{Line: pos.Line, Col: pos.Column, Msg: e.Msg})
		case strings.HasPrefix(pos.Filename, "decl"):
			i, _ := strconv.Atoi(strings.TrimPrefix(pos.Filename, "decl"))
			if !slices.ContainsFunc(broken, func(b brokenDecl) bool { return b.index == i }) {
				broken = append(broken, brokenDecl{index: i, err: Error{Line: pos.Line, Col: pos.Column, Msg: e.Msg}})
			}
		case strings.HasPrefix(pos.Filename, "var"):
			i, _ := strconv.Atoi(strings.TrimPrefix(pos.Filename, "var"))
			brokenVars = append(brokenVars, s.Vars[i].Name)
		default:
			errs = append(errs, Error{Line: 1, Col: 1, Msg: e.Msg})
		}
	}
	if len(errs) > 0 {
		slices.SortStableFunc(errs, func(a, b Error) int {
			if a.Line != b.Line {
				return a.Line - b.Line
			}
			return a.Col - b.Col
		})
		ck.TypeString = newQualifier(pkg, files).typeString
		return ck, errs[:min(len(errs), MaxErrors)], nil, nil
	}
	if len(broken) > 0 || len(brokenVars) > 0 {
		return nil, nil, broken, brokenVars
	}
	q := newQualifier(pkg, files)
	ck.TypeString, ck.qual, ck.checker = q.typeString, q, c
	if session == c.empty {
		sessionSrc = "package main\n"
	}
	ck.texts = map[*token.File]string{fset.File(session.Pos()): sessionSrc, fset.File(file.Pos()): cellSrc}
	ck.Vars = topLevelVars(ck)
	for i := range ck.Vars {
		ck.Vars[i].Type = q.typeString(info.Defs[ck.varIdent(ck.Vars[i].Name)].Type())
	}
	ck.DeclVars = map[string]string{}
	for _, d := range file.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.VAR || fset.Position(g.Pos()).Filename != cellFile {
			continue
		}
		for _, spec := range g.Specs {
			for _, id := range spec.(*ast.ValueSpec).Names {
				if obj := info.Defs[id]; obj != nil && id.Name != "_" {
					ck.DeclVars[id.Name] = q.typeString(obj.Type())
				}
			}
		}
	}
	ck.HiddenImports = q.hidden
	return ck, nil, nil, nil
}

// buildCheckSource writes the two Go files that the checker reads for cell. The session's
// holds its imports, its declarations (less those the cell redeclares) and its variables; the
// cell's holds the session's imports that the cell names again (imports belong to a file)
// with the cell's own, the cell's declarations, and the cell's statements in one function.
// //line directives give each part the file name and lines of its origin: "cell" for the
// cell, "declN" for the Nth earlier declaration, "varN" for the Nth earlier variable. spans
// locate the cell's pieces in the cell's file.
func (c *Checker) buildCheckSource(s Session, cell string, pieces []Piece) (sessionSrc, cellSrc string, spans []pieceSpan) {
	cellNames := map[string]bool{}
	cellImports := map[string]bool{}
	for _, p := range pieces {
		switch p.Kind {
		case Declaration:
			for _, n := range namesOfDecl(p.Text) {
				cellNames[n] = true
			}
		case Imports:
			for _, n := range importNames(p.Text) {
				cellImports[n] = true
			}
		}
	}
	named := identifiers(cell)
	var cb strings.Builder
	cb.WriteString("package main\n")
	for _, imp := range s.Imports {
		// An import that the cell does not name would only cost the checker an error to ignore.
		if name := imp.localName(); !cellImports[name] && (named[name] || name == ".") {
			cb.WriteString(imp.spec())
		}
	}
	piece := func(p Piece) {
		line, col := lineCol(cell, p.Offset)
		writeLine(&cb, cellFile, line, col)
		spans = append(spans, pieceSpan{from: cb.Len(), to: cb.Len() + len(p.Text), cellAt: p.Offset})
		cb.WriteString(p.Text)
		cb.WriteString("\n")
	}
	for _, kind := range []PieceKind{Imports, Declaration} {
		for _, p := range pieces {
			if p.Kind == kind {
				piece(p)
			}
		}
	}
	cb.WriteString("func " + cellFunc + "() {\n")
	for _, p := range pieces {
		if p.Kind == Statements {
			piece(p)
		}
	}
	cb.WriteString("}\n")
	return c.sessionSource(s, cellNames), cb.String(), spans
}

// sessionSource writes the session's file of buildCheckSource, without the declarations of
// the names that the cell declares again. The last one written for a cell that declares
// nothing is kept: most cells are checked against the session the one before them saw.
func (c *Checker) sessionSource(s Session, cellNames map[string]bool) string {
	if len(cellNames) == 0 && c.written.src != "" && slices.Equal(c.written.imports, s.Imports) &&
		slices.Equal(c.written.vars, s.Vars) && slices.EqualFunc(c.written.decls, s.Decls, sameDecl) {
		return c.written.src
	}
	var sb strings.Builder
	sb.WriteString("package main\n")
	for _, imp := range s.Imports {
		sb.WriteString(imp.spec())
	}
	for i, d := range s.Decls {
		if !slices.ContainsFunc(d.Names, func(n string) bool { return cellNames[n] }) {
			writeLine(&sb, "decl"+strconv.Itoa(i), d.Line, d.Col)
			sb.WriteString(d.Source)
			sb.WriteString("\n")
		}
	}
	for i, v := range s.Vars {
		if !cellNames[v.Name] {
			writeLine(&sb, "var"+strconv.Itoa(i), 1, 1)
			sb.WriteString("var " + v.Name + " " + v.Type + "\n")
		}
	}
	if len(cellNames) == 0 {
		c.written.imports, c.written.decls, c.written.vars = slices.Clone(s.Imports), slices.Clone(s.Decls), slices.Clone(s.Vars)
		c.written.src = sb.String()
	}
	return sb.String()
}

// sameDecl reports whether a and b are one declaration at one place.
func sameDecl(a, b Decl) bool {
	return a.Source == b.Source && a.Cell == b.Cell && a.Line == b.Line && a.Col == b.Col
}

// writeLine writes a //line directive for file, line and column to b.
func writeLine(b *strings.Builder, file string, line, col int) {
	b.WriteString("//line " + file + ":" + strconv.Itoa(line) + ":" + strconv.Itoa(col) + "\n")
}

// localName is the name by which a file that imports imp refers to its package.
func (imp Import) localName() string {
	if imp.Name != "" {
		return imp.Name
	}
	return defaultName(imp.Path)
}

// spec is imp as an import declaration of a line.
func (imp Import) spec() string {
	return "import " + imp.localName() + " " + strconv.Quote(imp.Path) + "\n"
}

// identifiers returns the identifiers that src names, as go/scanner reads them.
func identifiers(src string) map[string]bool {
	names := map[string]bool{}
	var sc scanner.Scanner
	fset := token.NewFileSet()
	sc.Init(fset.AddFile("", -1, len(src)), []byte(src), nil, 0)
	for {
		_, tok, lit := sc.Scan()
		if tok == token.EOF {
			return names
		}
		if tok == token.IDENT {
			names[lit] = true
		}
	}
}

// redefinesAny reports whether the cell's statements define, at the top level, a name that
// one of decls declares: the declaration is replaced, and others that use it may break.
func redefinesAny(fn *ast.FuncDecl, decls []Decl) bool {
	if fn == nil {
		return false
	}
	for _, st := range fn.Body.List {
		a, ok := st.(*ast.AssignStmt)
		if !ok || a.Tok != token.DEFINE {
			continue
		}
		for _, x := range a.Lhs {
			if id, ok := x.(*ast.Ident); ok && slices.ContainsFunc(decls, func(d Decl) bool { return slices.Contains(d.Names, id.Name) }) {
				return true
			}
		}
	}
	return false
}

// lineCol returns the line and column, from 1, of offset in text.
func lineCol(text string, offset int) (int, int) {
	before := text[:offset]
	line := strings.Count(before, "\n") + 1
	return line, offset - strings.LastIndex(before, "\n")
}

// namesOfDecl lists what a declaration's source declares, as Decl.Names does.
func namesOfDecl(src string) []string {
	f, err := parser.ParseFile(token.NewFileSet(), "", "package p\n"+src, parser.SkipObjectResolution)
	if err != nil || len(f.Decls) == 0 {
		return nil
	}
	return DeclNames(f.Decls[0])
}

// DeclNames lists what d declares: the names of funcs, types, vars and consts, and "T.M"
// for a method M of T. The blank name is left out.
func DeclNames(d ast.Decl) []string {
	var names []string
	switch d := d.(type) {
	case *ast.FuncDecl:
		if d.Recv != nil && len(d.Recv.List) > 0 {
			return []string{ReceiverName(d.Recv.List[0].Type) + "." + d.Name.Name}
		}
		return []string{d.Name.Name}
	case *ast.GenDecl:
		for _, spec := range d.Specs {
			switch spec := spec.(type) {
			case *ast.TypeSpec:
				names = append(names, spec.Name.Name)
			case *ast.ValueSpec:
				for _, n := range spec.Names {
					if n.Name != "_" {
						names = append(names, n.Name)
					}
				}
			}
		}
	}
	return names
}

// ReceiverName returns the type name of a method receiver: T for T, *T, T[K] and *T[K].
func ReceiverName(x ast.Expr) string {
	for {
		switch t := x.(type) {
		case *ast.StarExpr:
			x = t.X
		case *ast.IndexExpr:
			x = t.X
		case *ast.IndexListExpr:
			x = t.X
		case *ast.ParenExpr:
			x = t.X
		case *ast.Ident:
			return t.Name
		default:
			return ""
		}
	}
}

// importNames lists the names that an import declaration's source binds.
func importNames(src string) []string {
	f, err := parser.ParseFile(token.NewFileSet(), "", "package p\n"+src, parser.ImportsOnly)
	if err != nil {
		return nil
	}
	var names []string
	for _, spec := range f.Imports {
		p, _ := strconv.Unquote(spec.Path.Value)
		name := defaultName(p)
		if spec.Name != nil {
			name = spec.Name.Name
		}
		names = append(names, name)
	}
	return names
}

// defaultName is the name a package is imported as without a name: the last element of its
// path that is not a major version ("math/rand/v2" is rand).
func defaultName(p string) string {
	dir, base := path.Split(p)
	if dir != "" && len(base) > 1 && base[0] == 'v' {
		if n, err := strconv.Atoi(base[1:]); err == nil && n >= 2 {
			return path.Base(dir)
		}
	}
	return base
}

// parseErrors converts a parse error of the check file to errors of the cell. The cell's
// pieces parsed on their own before, so this is rare: a piece that parses alone but not
// beside the others.
func parseErrors(err error) []Error {
	return []Error{{Line: 1, Col: 1, Msg: err.Error()}}
}

// cellFuncOf finds the function that holds the cell's statements.
func cellFuncOf(f *ast.File) *ast.FuncDecl {
	for _, d := range f.Decls {
		if fn, ok := d.(*ast.FuncDecl); ok && fn.Recv == nil && fn.Name.Name == cellFunc {
			return fn
		}
	}
	return nil
}

// ignorable tells the errors that Go reports for a file but not for a cell: imports not
// used yet, the cell's own top-level variables not used yet (later cells may use them), and
// the cell's last expression, which is its result.
func ignorable(e types.Error, ck *Checked) bool {
	if strings.Contains(e.Msg, " imported ") && strings.HasSuffix(e.Msg, "and not used") {
		return true
	}
	body := ck.cellFn.Body.List
	if strings.HasPrefix(e.Msg, "declared and not used") {
		for _, st := range body {
			if defines(st, e.Pos) {
				return true
			}
		}
	}
	if strings.HasSuffix(e.Msg, "is not used") && len(body) > 0 {
		if last, ok := body[len(body)-1].(*ast.ExprStmt); ok && last.Pos() <= e.Pos && e.Pos < last.End() {
			return true
		}
	}
	return false
}

// defines reports whether the top-level statement st defines a variable at pos.
func defines(st ast.Stmt, pos token.Pos) bool {
	switch st := st.(type) {
	case *ast.AssignStmt:
		if st.Tok == token.DEFINE {
			return slices.ContainsFunc(st.Lhs, func(x ast.Expr) bool { return x.Pos() == pos })
		}
	case *ast.DeclStmt:
		found := false
		ast.Inspect(st, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && id.Pos() == pos {
				found = true
			}
			return !found
		})
		return found
	case *ast.LabeledStmt:
		return defines(st.Stmt, pos)
	}
	return false
}

// topLevelVars lists the variables that the cell's top-level statements define, the last
// definition of each name winning, in order of first definition.
func topLevelVars(ck *Checked) []Var {
	var vars []Var
	add := func(id *ast.Ident) {
		if id.Name == "_" || ck.Info.Defs[id] == nil {
			return
		}
		if _, ok := ck.Info.Defs[id].(*types.Var); !ok {
			return
		}
		if !slices.ContainsFunc(vars, func(v Var) bool { return v.Name == id.Name }) {
			vars = append(vars, Var{Name: id.Name})
		}
	}
	for _, st := range ck.cellFn.Body.List {
		switch st := st.(type) {
		case *ast.AssignStmt:
			if st.Tok == token.DEFINE {
				for _, x := range st.Lhs {
					if id, ok := x.(*ast.Ident); ok {
						add(id)
					}
				}
			}
		case *ast.DeclStmt:
			if g, ok := st.Decl.(*ast.GenDecl); ok && g.Tok == token.VAR {
				for _, spec := range g.Specs {
					for _, id := range spec.(*ast.ValueSpec).Names {
						add(id)
					}
				}
			}
		}
	}
	return vars
}

// varIdent returns the last top-level definition of the cell's variable name.
func (ck *Checked) varIdent(name string) *ast.Ident {
	var last *ast.Ident
	scope := ck.Info.Scopes[ck.cellFn.Type]
	for id, obj := range ck.Info.Defs {
		if id.Name == name && obj != nil && obj.Parent() == scope && (last == nil || id.Pos() > last.Pos()) {
			last = id
		}
	}
	return last
}

// CellOffset returns the offset in the cell of pos, a position of the checked file, and
// whether pos lies in the cell's own text.
func (ck *Checked) CellOffset(pos token.Pos) (int, bool) {
	if ck.Fset.File(pos) != ck.Fset.File(ck.file.Pos()) {
		return 0, false
	}
	off := ck.Fset.PositionFor(pos, false).Offset
	for _, sp := range ck.offsets {
		if sp.from <= off && off <= sp.to {
			return sp.cellAt + off - sp.from, true
		}
	}
	return 0, false
}

// CellFunc returns the function of the checked file that holds the cell's statements.
func (ck *Checked) CellFunc() *ast.FuncDecl { return ck.cellFn }

// qualifier names the packages of types for source valid at the package level of a unit's
// files: by the names the files import them as, and by hidden names for the others.
type qualifier struct {
	pkg    *types.Package
	names  map[string]string // path → name
	hidden map[string]string // name → path of packages the files do not import
}

// newQualifier names packages as files import them.
func newQualifier(pkg *types.Package, files []*ast.File) *qualifier {
	q := &qualifier{pkg: pkg, names: map[string]string{}, hidden: map[string]string{}}
	for _, f := range files {
		for _, spec := range f.Imports {
			p, _ := strconv.Unquote(spec.Path.Value)
			name := defaultName(p)
			if spec.Name != nil {
				name = spec.Name.Name
			}
			if name != "_" && name != "." {
				q.names[p] = name
			}
		}
	}
	return q
}

func (q *qualifier) typeString(t types.Type) string {
	return types.TypeString(t, func(p *types.Package) string {
		if p.Path() == q.pkg.Path() { // the code generated for a cell is checked as another package main
			return ""
		}
		return q.name(p.Path())
	})
}

// name returns the name by which the unit's package level refers to the package at path: the
// name a file imports it as, or a hidden one.
func (q *qualifier) name(path string) string {
	if name, ok := q.names[path]; ok {
		return name
	}
	name := "__cl_" + strings.NewReplacer("/", "_", ".", "_", "-", "_").Replace(path)
	q.names[path] = name
	q.hidden[name] = path
	return name
}
