package complete

import (
	"go/scanner"
	"go/token"
	"strings"
	"unicode"
	"unicode/utf8"
)

// byteOffset converts cursor, counted in code points, to a byte offset into code, clamped to
// the code's bounds.
func byteOffset(code string, cursor int) int {
	if cursor <= 0 {
		return 0
	}
	n := 0
	for off := range code {
		if n == cursor {
			return off
		}
		n++
	}
	return len(code)
}

// codePoints counts the code points of code before the byte offset off.
func codePoints(code string, off int) int {
	return utf8.RuneCountInString(code[:off])
}

func isIdentRune(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r)
}

// reference is the dotted name at a cursor: the identifiers before the last dot ("p", "inner"
// for "p.inner.Na|") and the identifier at the cursor, with its byte offsets.
type reference struct {
	chain      []string
	name       string
	start, end int
}

// referenceAt finds the reference whose last identifier ends at, or (with whole) contains,
// the byte offset off.
func referenceAt(code string, off int, whole bool) reference {
	start := identStart(code, off)
	end := off
	if whole {
		for end < len(code) {
			r, size := utf8.DecodeRuneInString(code[end:])
			if !isIdentRune(r) {
				break
			}
			end += size
		}
	}
	ref := reference{name: code[start:end], start: start, end: end}
	for at := start; at > 0 && code[at-1] == '.'; {
		s := identStart(code, at-1)
		if s == at-1 {
			return reference{name: ref.name, start: start, end: end, chain: []string{""}}
		}
		ref.chain = append([]string{code[s : at-1]}, ref.chain...)
		at = s
	}
	return ref
}

// identStart walks back from off over identifier characters.
func identStart(code string, off int) int {
	for off > 0 {
		r, size := utf8.DecodeLastRuneInString(code[:off])
		if !isIdentRune(r) {
			break
		}
		off -= size
	}
	return off
}

// inLiteral reports whether the byte offset off of code lies inside a string, rune or
// comment, where there is nothing to complete.
func inLiteral(code string, off int) bool {
	var s scanner.Scanner
	fset := token.NewFileSet()
	src := code[:off]
	s.Init(fset.AddFile("", -1, len(src)), []byte(src), func(token.Position, string) {}, scanner.ScanComments)
	for {
		pos, tok, lit := s.Scan()
		if tok == token.EOF {
			return false
		}
		if fset.Position(pos).Offset+len(lit) < off {
			continue
		}
		switch tok {
		case token.COMMENT:
			return !strings.HasPrefix(lit, "/*") || !strings.HasSuffix(lit, "*/") || len(lit) < 4
		case token.STRING, token.CHAR:
			return len(lit) < 2 || lit[len(lit)-1] != lit[0]
		}
	}
}
