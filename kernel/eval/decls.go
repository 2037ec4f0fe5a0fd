package eval

import (
	"go/ast"
	"go/token"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/concurlab/concurlab/kernel/gofront"
)

// declaration is one top-level declaration of the session, kept so that a fresh interpreter
// can be given the latest version of everything (yaegi binds redefinitions wrongly, #1673).
type declaration struct {
	keys   []string // what it declares: "func F", "method T.M", "type T", "var x", "const c"
	source string   // the chunk as the user wrote it
	text   string   // source with the lines it had in its cell, as the front end checks it
	code   string   // the chunk after the rewrites, as the interpreter receives it
	// zero declares the variables of a var declaration without their initialisers, on as
	// many lines as code: what a rebuild replays when it carries their values over, so that
	// an initialiser's side effects (flag.Int, a print) happen once.
	zero string
	cell int // execution count of the cell that declared it
	line int // its cell line and column
	col  int
	// generated is a declaration that the front end wrote (an instance of generic code),
	// not the user.
	generated bool
	of        string // what a generated declaration instantiates: "Set[string]"
	shown     string // how %T names an instance of a generic type: "Tree[string,int]"
	instance  *gofront.Instance
}

// importSpec is one imported package.
type importSpec struct {
	name string // the name it is imported as; "" for the package's own name
	path string
}

// packageName is the name a cell refers to the import by: the last element of the path that
// is not a major version ("math/rand/v2" is rand).
func (s importSpec) packageName() string {
	if s.name != "" {
		return s.name
	}
	dir, base := path.Split(s.path)
	if dir != "" && isMajorVersion(base) {
		return path.Base(dir)
	}
	return base
}

// isMajorVersion reports whether elem is a module's major version suffix: v2, v3, ...
func isMajorVersion(elem string) bool {
	n, err := strconv.Atoi(strings.TrimPrefix(elem, "v"))
	return strings.HasPrefix(elem, "v") && err == nil && n >= 2
}

// source is the import as a declaration.
func (s importSpec) source() string {
	if s.name != "" {
		return "import " + s.name + " " + strconv.Quote(s.path)
	}
	return "import " + strconv.Quote(s.path)
}

// declKeys lists what d declares.
func declKeys(d ast.Decl) []string {
	var keys []string
	switch d := d.(type) {
	case *ast.FuncDecl:
		if d.Recv == nil || len(d.Recv.List) == 0 {
			return []string{"func " + d.Name.Name}
		}
		return []string{"method " + gofront.ReceiverName(d.Recv.List[0].Type) + "." + d.Name.Name}
	case *ast.GenDecl:
		for _, spec := range d.Specs {
			switch spec := spec.(type) {
			case *ast.TypeSpec:
				keys = append(keys, "type "+spec.Name.Name)
			case *ast.ValueSpec:
				kind := "var "
				if d.Tok == token.CONST {
					kind = "const "
				}
				for _, name := range spec.Names {
					if name.Name != "_" {
						keys = append(keys, kind+name.Name)
					}
				}
			}
		}
	}
	return keys
}

// varNames returns the names that keys declare as kind ("var ", "type ", ...).
func varNames(keys []string, kind string) []string {
	var names []string
	for _, k := range keys {
		if len(k) > len(kind) && k[:len(kind)] == kind {
			names = append(names, k[len(kind):])
		}
	}
	return names
}

// topLevelKinds are the kinds of declaration that name something at the top level (methods
// do not).
var topLevelKinds = []string{"func ", "type ", "var ", "const "}

// declaredNames returns the names that decls declare as one of kinds.
func declaredNames(decls []declaration, kinds ...string) []string {
	var names []string
	for _, d := range decls {
		for _, kind := range kinds {
			names = append(names, varNames(d.keys, kind)...)
		}
	}
	return names
}

// redefines reports whether any of keys is already declared in decls.
func redefines(decls []declaration, keys []string) bool {
	return slices.ContainsFunc(decls, func(d declaration) bool { return d.declaresAny(keys) })
}

// replaced returns decls without the declarations that d redeclares, followed by d.
func replaced(decls []declaration, d declaration) []declaration {
	kept := slices.DeleteFunc(slices.Clone(decls), func(old declaration) bool { return old.declaresAny(d.keys) })
	return append(kept, d)
}

// declaresAny reports whether d declares a name of any of keys, as whatever kind: a var
// replaces a func of its name, a type a var.
func (d declaration) declaresAny(keys []string) bool {
	names := d.names()
	return slices.ContainsFunc(keys, func(k string) bool {
		_, name, _ := strings.Cut(k, " ")
		return slices.Contains(names, name)
	})
}

// definedByStatements lists the names that the top-level statements of p define with :=.
func definedByStatements(p *parsedChunk) []string {
	var names []string
	for _, stmt := range p.stmts {
		if a, ok := stmt.(*ast.AssignStmt); ok && a.Tok == token.DEFINE {
			names = append(names, definedNames(a.Lhs...)...)
		}
	}
	return names
}

// superseded returns decls without those that declare one of names as a func, type, var or
// const: a cell's `worker := …` replaces an earlier `func worker`, as the interpreter already
// did, and the rebuilt session must not declare both.
func superseded(decls []declaration, names []string) []declaration {
	return slices.DeleteFunc(slices.Clone(decls), func(d declaration) bool {
		return slices.ContainsFunc(declaredNames([]declaration{d}, topLevelKinds...), func(name string) bool {
			return slices.Contains(names, name)
		})
	})
}
