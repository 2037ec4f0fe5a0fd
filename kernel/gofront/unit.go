package gofront

import (
	"go/ast"
	"go/token"
	"go/types"
	"path"
	"slices"
	"strconv"
	"strings"
)

// CheckFiles type-checks files as package main with imp and returns them as a Unit, or the
// errors that go/types reported. It is what the session's check does for one cell, without
// the session: lowerings are tested with it.
func CheckFiles(fset *token.FileSet, files []*ast.File, imp types.Importer) (*Unit, []types.Error) {
	var errs []types.Error
	conf := types.Config{
		Importer:  imp,
		GoVersion: GoVersion,
		Error:     func(err error) { errs = append(errs, err.(types.Error)) },
	}
	info := NewInfo()
	pkg, _ := conf.Check("main", fset, files, info)
	if len(errs) > 0 {
		return nil, errs
	}
	return &Unit{Fset: fset, Files: files, Pkg: pkg, Info: info, TypeString: importedNames(pkg, files).typeString}, nil
}

// GoVersion is the language version cells are checked against.
const GoVersion = "go1.26"

// qualifier names packages as the unit's files import them.
type qualifier struct {
	pkg   *types.Package
	names map[string]string // import path → name in the files
}

// importedNames collects the names under which files import their packages.
func importedNames(pkg *types.Package, files []*ast.File) qualifier {
	q := qualifier{pkg: pkg, names: map[string]string{}}
	for _, f := range files {
		for _, spec := range f.Imports {
			p, err := strconv.Unquote(spec.Path.Value)
			if err != nil {
				continue
			}
			name := path.Base(p)
			if spec.Name != nil {
				name = spec.Name.Name
			} else if imported := pkg.Imports(); imported != nil {
				for _, ip := range imported {
					if ip.Path() == p {
						name = ip.Name()
					}
				}
			}
			q.names[p] = name
		}
	}
	return q
}

func (q qualifier) typeString(t types.Type) string {
	return types.TypeString(t, func(p *types.Package) string {
		if p == q.pkg {
			return ""
		}
		if name, ok := q.names[p.Path()]; ok {
			return name
		}
		return p.Name()
	})
}

// ApplyEdits returns src, the text of file, with the edits that fall inside file applied.
// Edits that start at the same position are applied in the order given.
func ApplyEdits(fset *token.FileSet, file *ast.File, src string, edits []Edit) string {
	tf := fset.File(file.Pos())
	type span struct {
		start, end int
		text       string
	}
	var spans []span
	for _, e := range edits {
		if e.Pos < file.FileStart || e.End > file.FileEnd {
			continue
		}
		spans = append(spans, span{tf.Offset(e.Pos), tf.Offset(e.End), e.Text})
	}
	slices.SortStableFunc(spans, func(a, b span) int { return a.start - b.start })
	var b strings.Builder
	at := 0
	for _, s := range spans {
		if s.start < at {
			continue // overlaps an edit already applied; the lowerings never make such pairs
		}
		b.WriteString(src[at:s.start])
		b.WriteString(s.text)
		at = s.end
	}
	b.WriteString(src[at:])
	return b.String()
}
