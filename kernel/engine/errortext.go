package engine

import (
	"fmt"
	"strings"
)

// The colours of a traceback, as Jupyter front ends render ANSI escapes.
const (
	ansiRed   = "\x1b[0;31m"
	ansiGreen = "\x1b[0;32m"
	ansiReset = "\x1b[0m"
)

// NewError returns the Error name: value whose traceback starts with that line in red,
// followed by lines.
func NewError(name, value string, lines ...string) *Error {
	return &Error{Name: name, Value: value, Traceback: append([]string{ansiRed + name + ansiReset + ": " + value}, lines...)}
}

// SourceLines shows text, line number line of a cell, with a caret under its column col (from
// 1), as compilers do: a tab in text before col stays a tab under it.
func SourceLines(line int, text string, col int) []string {
	indent := strings.Map(func(r rune) rune {
		if r == '\t' {
			return r
		}
		return ' '
	}, text[:min(max(col-1, 0), len(text))])
	return []string{
		fmt.Sprintf("%s%4d |%s %s", ansiGreen, line, ansiReset, text),
		fmt.Sprintf("     | %s%s^%s", indent, ansiRed, ansiReset),
	}
}
