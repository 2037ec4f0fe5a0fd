package gofront

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
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
	return &Unit{Fset: fset, Files: files, Pkg: pkg, Info: info, TypeString: newQualifier(pkg, files).typeString}, nil
}

// GoVersion is the language version cells are checked against.
const GoVersion = "go1.26"

// ApplyEdits returns src, the text of file, with the edits that fall inside file applied.
// Edits that start at the same position are applied in the order given.
func ApplyEdits(fset *token.FileSet, file *ast.File, src string, edits []Edit) string {
	return applyEdits(fset.File(file.Pos()), src, 0, len(src), edits)
}

// applyEdits returns src[from:to], a part of the text of tf, with the edits that fall inside
// it applied, insertions before a replacement at one offset.
func applyEdits(tf *token.File, src string, from, to int, edits []Edit) string {
	type span struct {
		start, end int
		text       string
	}
	var spans []span
	for _, e := range edits {
		if tf.Pos(0) > e.Pos || e.End > tf.Pos(tf.Size()) {
			continue
		}
		start, end := tf.Offset(e.Pos), tf.Offset(e.End)
		if start < from || end > to {
			continue
		}
		spans = append(spans, span{start - from, end - from, e.Text})
	}
	slices.SortStableFunc(spans, func(a, b span) int {
		if a.start != b.start {
			return a.start - b.start
		}
		return boolInt(a.start != a.end) - boolInt(b.start != b.end) // insertions first
	})
	part := src[from:to]
	var b strings.Builder
	at := 0
	for _, s := range spans {
		if s.start < at {
			continue // overlaps an edit already applied; the lowerings never make such pairs
		}
		b.WriteString(part[at:s.start])
		b.WriteString(s.text)
		at = s.end
	}
	b.WriteString(part[at:])
	return b.String()
}

// boolInt is 1 for true, 0 for false.
func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
