package eval

import (
	"go/scanner"
	"go/token"
	"strings"
)

// chunkKind tells how the interpreter must receive a chunk.
type chunkKind int

const (
	stmtChunk    chunkKind = iota // statements, run in the session's main scope
	declChunk                     // one func, method, type, var or const declaration
	importChunk                   // one import declaration (possibly grouped)
	packageChunk                  // a package clause, as a pasted program starts
)

// chunk is a piece of a cell that the interpreter evaluates on its own. yaegi cannot take a
// source that mixes declarations and statements (upstream #1245), so a cell is cut at brace
// depth 0 into declarations and runs of statements.
type chunk struct {
	kind chunkKind
	text string
	line int // cell line of text's first byte, from 1
	col  int // cell column of text's first byte, from 1
	from int // offset of text in the cell
}

// scanned is one token of a cell.
type scanned struct {
	offset int
	end    int // offset after a comment's last byte; the semicolon a multi-line comment ends stands inside it
	tok    token.Token
}

// splitCell cuts src into chunks in source order. It never fails: text that does not scan or
// parse stays in some chunk, whose parse reports the error with the cell's position.
func splitCell(src string) []chunk {
	toks := scanTokens(src)
	fset := token.NewFileSet()
	file := fset.AddFile("", -1, len(src))
	file.SetLinesForContent([]byte(src))

	var chunks []chunk
	emit := func(kind chunkKind, start, end int) {
		if start >= end {
			return
		}
		if kind == stmtChunk && len(chunks) > 0 && chunks[len(chunks)-1].kind == stmtChunk {
			last := &chunks[len(chunks)-1]
			last.text = src[last.from:end]
			return
		}
		pos := file.Position(file.Pos(start))
		chunks = append(chunks, chunk{kind: kind, text: src[start:end], line: pos.Line, col: pos.Column, from: start})
	}

	for i := 0; i < len(toks); {
		start := i
		for start < len(toks) && (toks[start].tok == token.COMMENT || toks[start].tok == token.SEMICOLON) {
			start++
		}
		if start == len(toks) {
			break
		}
		end := statementEnd(toks, start)
		textStart := toks[start].offset
		if i < start && toks[start-1].tok == token.COMMENT {
			textStart = leadingComments(toks, i, start)
		}
		textEnd := len(src)
		if end < len(toks) {
			textEnd = max(toks[end].offset, toks[end-1].end)
		}
		emit(kindOf(toks, start, end), textStart, textEnd)
		i = end + 1
	}
	return chunks
}

// leadingComments returns the offset of the first comment of the run that ends at toks[end-1].
func leadingComments(toks []scanned, from, end int) int {
	first := end - 1
	for first > from && toks[first-1].tok == token.COMMENT {
		first--
	}
	return toks[first].offset
}

// scanTokens lists src's tokens with comments; automatic semicolons are tokens too.
func scanTokens(src string) []scanned {
	fset := token.NewFileSet()
	file := fset.AddFile("", -1, len(src))
	var s scanner.Scanner
	s.Init(file, []byte(src), func(token.Position, string) {}, scanner.ScanComments)
	var toks []scanned
	for {
		pos, tok, _ := s.Scan()
		if tok == token.EOF {
			return toks
		}
		t := scanned{offset: file.Offset(pos), tok: tok}
		if tok == token.COMMENT {
			t.end = commentEnd(src, t.offset)
		}
		toks = append(toks, t)
	}
}

// commentEnd returns the offset after the comment that starts at src[from].
func commentEnd(src string, from int) int {
	if !strings.HasPrefix(src[from:], "/*") {
		if n := strings.IndexByte(src[from:], '\n'); n >= 0 {
			return from + n
		}
		return len(src)
	}
	if n := strings.Index(src[from+2:], "*/"); n >= 0 {
		return from + 2 + n + len("*/")
	}
	return len(src)
}

// statementEnd returns the index of the semicolon that ends the statement starting at
// toks[start], or len(toks).
func statementEnd(toks []scanned, start int) int {
	depth := 0
	for i := start; i < len(toks); i++ {
		switch toks[i].tok {
		case token.LPAREN, token.LBRACE, token.LBRACK:
			depth++
		case token.RPAREN, token.RBRACE, token.RBRACK:
			depth--
		case token.SEMICOLON:
			if depth <= 0 {
				return i
			}
		}
	}
	return len(toks)
}

// kindOf classifies the statement toks[start:end].
func kindOf(toks []scanned, start, end int) chunkKind {
	switch toks[start].tok {
	case token.IMPORT:
		return importChunk
	case token.PACKAGE:
		return packageChunk
	case token.TYPE, token.VAR, token.CONST:
		return declChunk
	case token.FUNC:
		if isFuncDecl(toks[start+1 : end]) {
			return declChunk
		}
	}
	return stmtChunk
}

// isFuncDecl tells a func or method declaration from a function literal, given the tokens
// after the func keyword: a declaration has a name, or a receiver followed by a name and "(".
func isFuncDecl(toks []scanned) bool {
	if len(toks) == 0 {
		return false
	}
	if toks[0].tok == token.IDENT {
		return true
	}
	if toks[0].tok != token.LPAREN {
		return false
	}
	depth := 0
	for i, t := range toks {
		switch t.tok {
		case token.LPAREN:
			depth++
		case token.RPAREN:
			depth--
			if depth == 0 {
				rest := toks[i+1:]
				return len(rest) >= 2 && rest[0].tok == token.IDENT &&
					(rest[1].tok == token.LPAREN || rest[1].tok == token.LBRACK)
			}
		}
	}
	return false
}
