package gofront

import (
	"embed"
	"errors"
	"fmt"
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
)

// overrides are the front end's own versions of standard generic functions whose source
// reaches into the runtime (override/PKG.go replaces the functions it declares in PKG).
//
//go:embed override/*.go
var overrides embed.FS

// stdSource reads generic code of the standard library from the Go installation's source at
// run time: the interpreter's tables have no generic functions or types, so the front end
// instantiates them as it does a cell's own (the project commits no copy of that source).
// Each package is parsed and type-checked once, its imports taken from the checker's
// importer. It is safe for use by one goroutine at a time, as the Checker is.
type stdSource struct {
	imp  types.Importer
	root func() (string, error) // finds the Go installation: goroot
	fset *token.FileSet
	pkgs map[string]*declSource
	errs map[string]error
}

// newStdSource returns a stdSource that imports what the packages import with imp.
func newStdSource(imp types.Importer) *stdSource {
	return &stdSource{imp: imp, root: goroot, fset: token.NewFileSet(), pkgs: map[string]*declSource{}, errs: map[string]error{}}
}

// goroot finds a Go installation with the standard library's source: $GOROOT, the one the
// kernel was built with, the one of `go` on PATH, what `go env GOROOT` says, or the usual
// places (Jupyter may start the kernel with a PATH that lacks Go).
var goroot = sync.OnceValues(func() (string, error) {
	has := func(root string) bool {
		if root == "" {
			return false
		}
		_, err := os.Stat(filepath.Join(root, "src", "slices"))
		return err == nil
	}
	candidates := []string{os.Getenv("GOROOT"), runtime.GOROOT()} //nolint:staticcheck // a first guess only
	if gobin, err := exec.LookPath("go"); err == nil {
		if real, err := filepath.EvalSymlinks(gobin); err == nil {
			candidates = append(candidates, filepath.Dir(filepath.Dir(real)))
		}
		if out, err := exec.Command(gobin, "env", "GOROOT").Output(); err == nil {
			candidates = append(candidates, strings.TrimSpace(string(out)))
		}
	}
	candidates = append(candidates, "/usr/local/go", "/usr/lib/go")
	for _, root := range candidates {
		if has(root) {
			return root, nil
		}
	}
	return "", errors.New("this machine has no Go installation (no GOROOT, and no go command on PATH)")
})

// pkg returns the standard package at path, parsed and checked from its source.
func (s *stdSource) pkg(path string) (*declSource, error) {
	if d, ok := s.pkgs[path]; ok {
		return d, nil
	}
	if err, ok := s.errs[path]; ok {
		return nil, err
	}
	d, err := s.read(path)
	if err != nil {
		s.errs[path] = err
		return nil, err
	}
	s.pkgs[path] = d
	return d, nil
}

// read parses and type-checks the source of the package at path.
func (s *stdSource) read(path string) (*declSource, error) {
	root, err := s.root()
	if err != nil {
		return nil, err
	}
	ctx := build.Default
	ctx.GOROOT = root
	bp, err := ctx.Import(path, "", 0)
	if err != nil {
		return nil, fmt.Errorf("cannot read the source of package %s in %s: %v", path, root, err)
	}
	d := &declSource{texts: map[*token.File]string{}}
	var files []*ast.File
	parse := func(file string, text []byte) error {
		f, err := parser.ParseFile(s.fset, file, text, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		d.texts[s.fset.File(f.Pos())] = string(text)
		files = append(files, f)
		return nil
	}
	for _, name := range bp.GoFiles {
		file := filepath.Join(bp.Dir, name)
		text, err := os.ReadFile(file)
		if err != nil {
			return nil, err
		}
		if err := parse(file, text); err != nil {
			return nil, err
		}
	}
	if text, err := overrides.ReadFile("override/" + strings.ReplaceAll(path, "/", "_") + ".go"); err == nil {
		if err := parse("override/"+path+".go", text); err != nil {
			return nil, err
		}
		overridden(files)
	}
	conf := types.Config{
		Importer: s.imp,
		// Code that uses the runtime's or internal packages is left alone: what the
		// interpreter is given never reaches it, or says that it cannot run it.
		Error: func(error) {},
	}
	d.info = NewInfo()
	d.pkg, _ = conf.Check(path, s.fset, files, d.info)
	d.fset = s.fset
	d.index(files)
	return d, nil
}

// overridden removes from files but the last the functions that the last declares.
func overridden(files []*ast.File) {
	over := files[len(files)-1]
	names := map[string]bool{}
	for _, decl := range over.Decls {
		if fn, ok := decl.(*ast.FuncDecl); ok {
			names[fn.Name.Name] = true
		}
	}
	for _, f := range files[:len(files)-1] {
		f.Decls = slices.DeleteFunc(f.Decls, func(decl ast.Decl) bool {
			fn, ok := decl.(*ast.FuncDecl)
			return ok && fn.Recv == nil && names[fn.Name.Name]
		})
	}
}
