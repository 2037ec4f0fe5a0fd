package eval

import (
	"sort"
	"strings"
)

// edit replaces text[start:end] with repl. The rewrites of a chunk are sets of edits that
// never overlap and keep every line where it was, so positions stay the cell's.
type edit struct {
	start, end int
	repl       string
}

// applyEdits returns text with edits applied.
func applyEdits(text string, edits []edit) string {
	sorted := append([]edit(nil), edits...)
	// At one offset, insertions come before a replacement that starts there: a rewrite that
	// closes around an operand (`, "T")`) inserts where another's replacement begins.
	sort.SliceStable(sorted, func(i, j int) bool {
		a, b := sorted[i], sorted[j]
		if a.start != b.start {
			return a.start < b.start
		}
		return a.start == a.end && b.start != b.end
	})
	var b strings.Builder
	at := 0
	for _, e := range sorted {
		b.WriteString(text[at:e.start])
		b.WriteString(e.repl)
		at = e.end
	}
	b.WriteString(text[at:])
	return b.String()
}
