// Package gofront is the evaluator's Go front end: it parses and type-checks each cell with
// go/types against the session (its imports, declarations and variables) before the
// interpreter sees any of it, reports Go's own errors at the cell's lines and columns, and
// lowers what yaegi v0.16.1 runs wrongly (range over int and functions, min, max, clear,
// deferred calls' arguments, generic code) to plain Go that it runs right.
//
// The package knows nothing of yaegi's API: it reads Go source and writes Go source. Its
// lowerings are edits of the checked source that keep every line where it was, so that
// positions of the interpreter's run-time errors stay the cell's.
package gofront

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// Edit replaces the source from Pos to End with Text; Pos == End inserts Text at Pos. The
// edits of one lowering never overlap each other; edits of different lowerings may nest (one
// inside the text of another), so a lowering rewrites around a user's expression and never
// copies the expression's text.
type Edit struct {
	Pos, End token.Pos
	Text     string
}

// Unit is code that type-checked, ready to be lowered.
type Unit struct {
	Fset  *token.FileSet
	Files []*ast.File
	Pkg   *types.Package
	Info  *types.Info
	// TypeString writes t as Go source valid at package level of the unit: packages by the
	// names that the unit imports them as (a package it does not import gets a hidden
	// import that the caller adds).
	TypeString func(t types.Type) string
	// helpers collects the functions that lowerings declare once for the interpreter instead
	// of writing a function literal at each use (nil: they write literals).
	helpers map[string]Generated
	// texts holds the source of the unit's files, for lowerings that move code (nil: they
	// leave it where it is).
	texts map[*token.File]string
}

// helper declares the function name with source (a func declaration, or a var of a function
// value) for the unit's lowered code, once, and returns name; without a helper set (a unit of
// CheckFiles) it returns literal instead.
func (u *Unit) helper(name, source, literal string) string {
	if u.helpers == nil {
		return literal
	}
	kind, _, _ := strings.Cut(source, " ")
	u.helpers[name] = Generated{Kind: kind, Name: name, Source: source, Of: name}
	return name
}

// NewInfo returns a types.Info that records everything the lowerings read.
func NewInfo() *types.Info {
	return &types.Info{
		Types:        map[ast.Expr]types.TypeAndValue{},
		Instances:    map[*ast.Ident]types.Instance{},
		Defs:         map[*ast.Ident]types.Object{},
		Uses:         map[*ast.Ident]types.Object{},
		Implicits:    map[ast.Node]types.Object{},
		Selections:   map[*ast.SelectorExpr]*types.Selection{},
		Scopes:       map[ast.Node]*types.Scope{},
		FileVersions: map[*ast.File]string{},
	}
}
