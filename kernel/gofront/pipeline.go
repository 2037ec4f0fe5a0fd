package gofront

import (
	"go/ast"
	"maps"
	"slices"
	"strings"
)

// unitLowerings are the lowerings of a unit's code, the cell's as the code that the front end
// generates for it.
var unitLowerings = []func(*Unit) []Edit{
	typedOperands,
	builtinCalls,
	rangeLoops,
	chanRanges,
	rangeForms,
	selectBranches,
	addressedReceivers,
	nestedDefines,
	funcDefers,
	embeddedInterfaces,
	recoverCalls,
	methodExprs,
	nilErrors,
	typeSwitches,
	varInits,
	constValues,
	constantExprs,
	untypedShifts,
	libraryFieldStores,
	variadicSlices,
	commaOkValues,
	mainCalls,
}

// movingLowerings are the lowerings that copy code of the unit to another place: they take
// the edits of the others, to copy the code as those edit it.
var movingLowerings = []func(*Unit, []Edit) []Edit{
	selectStmts,
	funcLits,
	namedResults,
}

// editedText returns the source of n as the edits of the unit's other lowerings make it, if
// it is on one line (moved elsewhere, more lines would move the lines after it), and false
// otherwise or when the unit has no source texts.
func editedText(u *Unit, edits []Edit, n ast.Node) (string, bool) {
	tf := u.Fset.File(n.Pos())
	src, ok := u.texts[tf]
	if !ok {
		return "", false
	}
	text := applyEdits(tf, src, tf.Offset(n.Pos()), tf.Offset(n.End()), edits)
	return text, !strings.Contains(text, "\n")
}

// moveLowerings returns edits and the edits of movingLowerings given them.
func moveLowerings(u *Unit, edits []Edit) []Edit {
	out := edits
	inner := withoutNested(edits)
	for _, lower := range movingLowerings {
		out = append(out, lower(u, inner)...)
	}
	return out
}

// lowerUnit applies every one of unitLowerings to u.
func lowerUnit(u *Unit) []Edit {
	var edits []Edit
	for _, lower := range unitLowerings {
		edits = append(edits, lower(u)...)
	}
	return edits
}

// Lowerings returns the edits that turn a checked cell into code that the interpreter runs
// as Go would, or an error in Go's terms for a construct that it cannot run. The declarations
// that the edited cell needs besides are Generated's.
func (ck *Checked) Lowerings() ([]Edit, error) {
	cell := *ck.Unit // the session's declarations were lowered when their cells ran
	cell.Files = []*ast.File{ck.file}
	cell.texts = ck.texts
	if err := rangeErrors(&cell); err != nil {
		return nil, err
	}
	uses, blanked, gen, err := ck.instances(func(u *Unit) []Edit { return moveLowerings(u, lowerUnit(u)) })
	if err != nil {
		return nil, err
	}
	edits := append(cellDefers(ck), lowerUnit(&cell)...)
	for _, name := range slices.Sorted(maps.Keys(ck.helpers)) {
		gen = append(gen, ck.helpers[name])
	}
	ck.generated = gen
	// Nothing inside a generic declaration reaches the interpreter.
	edits = slices.DeleteFunc(edits, func(e Edit) bool {
		return slices.ContainsFunc(blanked, func(b Edit) bool { return b.Pos <= e.Pos && e.End <= b.End })
	})
	return withoutNested(moveLowerings(&cell, slices.Concat(edits, uses, blanked))), nil
}

// Generated returns the declarations that the cell's lowered code uses besides its own, in
// the order written; Lowerings makes them.
func (ck *Checked) Generated() []Generated { return ck.generated }

// withoutNested returns edits without those that a replacement of another lowering makes
// void: inside the span it replaces, or replacing that span again (two lowerings may each
// fold a constant: min(1, 2) / 2 in a const declaration). Insertions at a replaced span's
// ends stay.
func withoutNested(edits []Edit) []Edit {
	var spans []Edit
	for _, e := range edits {
		if e.Pos != e.End && !slices.ContainsFunc(spans, func(s Edit) bool { return s.Pos == e.Pos && s.End == e.End }) {
			spans = append(spans, e)
		}
	}
	var out []Edit
	for _, e := range edits {
		void := slices.ContainsFunc(spans, func(s Edit) bool {
			inside := s.Pos <= e.Pos && e.End <= s.End && (s.Pos < e.Pos || e.End < s.End)
			return inside && !(e.Pos == e.End && (e.Pos == s.Pos || e.Pos == s.End))
		})
		twin := e.Pos != e.End && slices.ContainsFunc(out, func(o Edit) bool { return o.Pos == e.Pos && o.End == e.End })
		if !void && !twin {
			out = append(out, e)
		}
	}
	return out
}
