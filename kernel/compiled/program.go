package compiled

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"path"
	"slices"
	"strconv"
	"strings"
)

// Module is the module path of ConcurLab, whose concur and display packages cells import by
// their short names.
const Module = "github.com/concurlab/concurlab"

// shortPaths are the import paths that cells write for the library's packages.
var shortPaths = map[string]string{"concur": Module + "/concur", "display": Module + "/display"}

// program is a compiled cell's Go source: the files of package main, and what it needs.
type program struct {
	files map[string]string // file name → content
	// library tells that the program imports concur or display: it needs the module.
	library bool
	// result tells that the program sends the value of the cell's last expression.
	result bool
	// external lists the import paths outside the standard library and the library.
	external []string
}

// importSpec is one import of a program.
type importSpec struct {
	name, path string
	// explicit is a name the source wrote; otherwise the package's own.
	explicit bool
}

func (s importSpec) String() string {
	if s.explicit {
		return s.name + " " + strconv.Quote(s.path)
	}
	return strconv.Quote(s.path)
}

// cellFile names the file that the positions of cell n's pieces report (through //line
// directives), so that every position of a build error, a panic or a race report can be
// mapped back to its cell. The compiled cell itself is cell 0 (imports, the only earlier
// pieces of no cell, have no positions to report), so that its program, and the build in
// the cache, do not change when it runs again under a new execution count.
func cellFile(n int) string { return fmt.Sprintf("__cell_%d.go", n) }

// thisCell is the cell number of the compiled cell's pieces in its program.
const thisCell = 0

// lineDirective positions the text after it at p's cell, line and column.
func lineDirective(p Piece) string {
	return fmt.Sprintf("/*line %s:%d:%d*/", cellFile(p.Cell), max(p.Line, 1), max(p.Col, 1))
}

// newProgram writes the program of src: a cell with a package clause as it stands, otherwise
// the cell's statements as the body of main, beside the cell's and the earlier cells'
// declarations. trace adds a concur trace of main, drawn when main returns; result sends the
// value of the cell's last expression (Piece.Result), when it has one.
func newProgram(src Source, trace, result bool) (*program, error) {
	src = src.inProgram()
	if slices.ContainsFunc(src.Cell, func(p Piece) bool { return p.Kind == Package }) {
		return wholeProgram(src.Cell, trace)
	}
	return bodyProgram(src, trace, result)
}

// inProgram returns src with the compiled cell's pieces numbered thisCell.
func (src Source) inProgram() Source {
	src.Cell = slices.Clone(src.Cell)
	for i := range src.Cell {
		src.Cell[i].Cell = thisCell
	}
	return src
}

// pieces are the compiled cell's and the earlier cells' pieces as the program numbers them,
// for the lines that errors show.
func (src Source) pieces() []Piece {
	in := src.inProgram()
	return append(in.Cell, in.Earlier...)
}

// wholeProgram is a cell that is a program (package main, func main) of its own.
func wholeProgram(cell []Piece, trace bool) (*program, error) {
	var text strings.Builder
	for _, p := range cell {
		text.WriteString(lineDirective(p) + p.Text + "\n")
	}
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "", text.String(), parser.ImportsOnly)
	if err != nil {
		return nil, syntaxError(err)
	}
	src := text.String()
	var edits []edit
	var paths []string
	for _, imp := range file.Imports {
		p, _ := strconv.Unquote(imp.Path.Value)
		paths = append(paths, p)
		if long, ok := shortPaths[p]; ok {
			off := fset.Position(imp.Path.Pos()).Offset
			end := fset.Position(imp.Path.End()).Offset
			name := ""
			if imp.Name == nil {
				name = p + " "
			}
			edits = append(edits, edit{off, end, name + strconv.Quote(long)})
		}
	}
	prog := &program{files: map[string]string{}}
	prog.classify(paths)
	if trace {
		full, err := parser.ParseFile(fset, "", src, 0)
		if err != nil {
			return nil, syntaxError(err)
		}
		if main := findMain(full); main != nil {
			edits = append(edits, edit{fset.Position(main.Body.Lbrace).Offset + 1, fset.Position(main.Body.Lbrace).Offset + 1, " defer concurlab__endTrace();"})
		}
		prog.library = true
	}
	prog.files["main.go"] = applyEdits(src, edits)
	prog.addShim(trace)
	return prog, nil
}

// findMain returns the program's func main, or nil.
func findMain(f *ast.File) *ast.FuncDecl {
	for _, d := range f.Decls {
		if fn, ok := d.(*ast.FuncDecl); ok && fn.Recv == nil && fn.Name.Name == "main" {
			return fn
		}
	}
	return nil
}

// bodyProgram is a cell of statements, declarations and imports: the statements are main's
// body, and the earlier cells' imports and declarations that the cell does not declare anew
// are part of the program. Earlier imports that nothing uses are left out, as Go rejects them.
func bodyProgram(src Source, trace, result bool) (*program, error) {
	own, decls, stmts, err := sortPieces(src.Cell)
	if err != nil {
		return nil, err
	}
	earlier, earlierDecls, _, err := sortPieces(src.Earlier)
	if err != nil {
		return nil, err
	}
	declared := map[string]bool{}
	for _, d := range decls {
		for _, name := range d.Declares {
			declared[name] = true
		}
	}
	if declared["main"] && len(stmts) > 0 {
		return nil, errors.New("a cell that declares func main is a program: its statements belong inside main (or leave main out, and the cell's statements are its body)")
	}
	var kept []Piece
	for _, d := range earlierDecls {
		if !slices.ContainsFunc(d.Declares, func(n string) bool { return declared[n] }) {
			kept = append(kept, d)
		}
	}
	decls = append(reachable(append(slices.Clone(decls), stmts...), kept), decls...)
	used := selectorNames(append(slices.Clone(decls), stmts...))
	imports := own
	for _, imp := range earlier {
		taken := slices.ContainsFunc(imports, func(o importSpec) bool { return o.name == imp.name })
		if !taken && used[imp.name] {
			imports = append(imports, imp)
		}
	}

	var b strings.Builder
	b.WriteString("package main\n\n")
	var paths []string
	if len(imports) > 0 {
		b.WriteString("import (\n")
		for _, imp := range imports {
			paths = append(paths, imp.path)
			if long, ok := shortPaths[imp.path]; ok {
				imp.path, imp.explicit = long, true
			}
			b.WriteString("\t" + imp.String() + "\n")
		}
		b.WriteString(")\n\n")
	}
	for _, d := range decls {
		b.WriteString(lineDirective(d) + d.Text + "\n\n")
	}
	shown := false
	if !declared["main"] {
		b.WriteString("func main() {")
		if trace {
			b.WriteString(" defer concurlab__endTrace()")
		}
		b.WriteString("\n")
		for i, s := range stmts {
			text := s.Text
			if result && i == len(stmts)-1 && len(s.Result) == 2 {
				text, shown = showResult(s), true
			}
			b.WriteString(lineDirective(s) + text + "\n")
		}
		b.WriteString("}\n")
	}

	prog := &program{files: map[string]string{"main.go": b.String()}, result: shown}
	prog.classify(paths)
	prog.library = prog.library || trace
	prog.addShim(trace)
	return prog, nil
}

// showResult returns the text of p with its result expression passed to concurlab__result,
// the expression keeping its position.
func showResult(p Piece) string {
	start, end := p.Result[0], p.Result[1]
	before := p.Text[:start]
	at := p
	at.Line += strings.Count(before, "\n")
	if nl := strings.LastIndexByte(before, '\n'); nl >= 0 {
		at.Col = start - nl
	} else {
		at.Col = max(p.Col, 1) + start
	}
	return before + "concurlab__result(" + lineDirective(at) + p.Text[start:end] + ")" + p.Text[end:]
}

// sortPieces sorts pieces into the imports they hold, the declarations and the statements.
func sortPieces(pieces []Piece) (imports []importSpec, decls, stmts []Piece, err error) {
	for _, p := range pieces {
		switch p.Kind {
		case Import:
			specs, err := parseImports(p)
			if err != nil {
				return nil, nil, nil, err
			}
			imports = append(imports, specs...)
		case Declaration:
			decls = append(decls, p)
		default:
			stmts = append(stmts, p)
		}
	}
	return imports, decls, stmts, nil
}

// classify notes whether the import paths need the library or other modules.
func (p *program) classify(paths []string) {
	for _, ip := range paths {
		switch {
		case shortPaths[ip] != "" || strings.HasPrefix(ip, Module+"/"):
			p.library = true
		case strings.Contains(strings.Split(ip, "/")[0], "."):
			p.external = append(p.external, ip)
		}
	}
}

// parseImports reads the import specs of an import piece.
func parseImports(p Piece) ([]importSpec, error) {
	f, err := parser.ParseFile(token.NewFileSet(), "", "package p\n"+lineDirective(p)+p.Text, parser.ImportsOnly)
	if err != nil {
		return nil, syntaxError(err)
	}
	var out []importSpec
	for _, s := range f.Imports {
		ip, _ := strconv.Unquote(s.Path.Value)
		spec := importSpec{name: packageName(ip), path: ip}
		if s.Name != nil {
			spec.name, spec.explicit = s.Name.Name, true
		}
		out = append(out, spec)
	}
	return out, nil
}

// packageName is the name a package is known by when imported without one: the last element
// of its path that is not a major version ("math/rand/v2" is rand).
func packageName(ip string) string {
	dir, base := path.Split(ip)
	if n, err := strconv.Atoi(strings.TrimPrefix(base, "v")); dir != "" && err == nil && n > 1 {
		return path.Base(dir)
	}
	return base
}

// selectorNames returns the identifiers that stand before a dot in pieces: the packages
// they may use.
func selectorNames(pieces []Piece) map[string]bool {
	used := map[string]bool{}
	for _, p := range pieces {
		scanIdents(p.Text, func(name string, selects bool) {
			if selects {
				used[name] = true
			}
		})
	}
	return used
}

// scanIdents calls f with each identifier of text, and whether a dot follows it.
func scanIdents(text string, f func(name string, selects bool)) {
	fset := token.NewFileSet()
	file := fset.AddFile("", -1, len(text))
	var s scanner.Scanner
	s.Init(file, []byte(text), nil, 0)
	prev := ""
	for {
		_, tok, lit := s.Scan()
		if tok == token.EOF {
			break
		}
		if prev != "" {
			f(prev, tok == token.PERIOD)
		}
		prev = ""
		if tok == token.IDENT {
			prev = lit
		}
	}
	if prev != "" {
		f(prev, false)
	}
}

// reachable returns those of earlier, declarations of earlier cells, that own, the program's
// own code, uses, directly or through other declarations, in their order; a method goes with
// its type. The others stay out of the program: one of them may use what only the
// interpreter has (a variable that a statement made), and the build would fail on it.
func reachable(own, earlier []Piece) []Piece {
	need := map[string]bool{}
	uses := func(p Piece) {
		scanIdents(p.Text, func(name string, _ bool) { need[name] = true })
	}
	for _, p := range own {
		uses(p)
	}
	kept := make([]bool, len(earlier))
	for changed := true; changed; {
		changed = false
		for i, d := range earlier {
			if kept[i] || !slices.ContainsFunc(d.Declares, func(name string) bool {
				typ, _, _ := strings.Cut(name, ".")
				return need[typ]
			}) {
				continue
			}
			kept[i], changed = true, true
			uses(d)
		}
	}
	var out []Piece
	for i, d := range earlier {
		if kept[i] {
			out = append(out, d)
		}
	}
	return out
}

// edit replaces text[start:end] with repl.
type edit struct {
	start, end int
	repl       string
}

// applyEdits applies edits, which do not overlap, to text.
func applyEdits(text string, edits []edit) string {
	slices.SortFunc(edits, func(a, b edit) int { return a.start - b.start })
	var b strings.Builder
	last := 0
	for _, e := range edits {
		b.WriteString(text[last:e.start] + e.repl)
		last = e.end
	}
	return b.String() + text[last:]
}

// syntaxError is a parse error of the cell, in the positions its //line directives give.
func syntaxError(err error) error {
	return &buildError{report: err.Error()}
}
