package complete

import (
	"go/scanner"
	"go/token"
	"strings"

	"github.com/concurlab/concurlab/kernel/engine"
)

// indentUnit is one level of indentation proposed for the next line.
const indentUnit = "    "

// IsComplete tells whether code is ready to run: "incomplete" (with the indent for the next
// line) while a bracket, a raw string or a comment is open or the last line ends in an
// operator or a comma, "invalid" when a closing bracket has no opener or a string is broken,
// else "complete".
func IsComplete(code string) engine.Completeness {
	var (
		s       scanner.Scanner
		broken  bool
		open    []token.Token
		last    token.Token
		invalid bool
	)
	fset := token.NewFileSet()
	file := fset.AddFile("", -1, len(code))
	s.Init(file, []byte(code), func(pos token.Position, msg string) {
		if strings.Contains(msg, "raw string literal not terminated") || strings.Contains(msg, "comment not terminated") {
			broken = true
		} else {
			invalid = true
		}
	}, 0)
	for {
		_, tok, lit := s.Scan()
		if tok == token.EOF {
			break
		}
		switch tok {
		case token.LPAREN, token.LBRACK, token.LBRACE:
			open = append(open, tok)
		case token.RPAREN, token.RBRACK, token.RBRACE:
			if len(open) == 0 || closerOf(open[len(open)-1]) != tok {
				return engine.Completeness{Status: "invalid"}
			}
			open = open[:len(open)-1]
		}
		if tok != token.SEMICOLON || lit == ";" {
			last = tok
		}
	}
	switch {
	case broken:
		return engine.Completeness{Status: "incomplete"}
	case invalid:
		return engine.Completeness{Status: "invalid"}
	case len(open) > 0:
		return engine.Completeness{Status: "incomplete", Indent: strings.Repeat(indentUnit, len(open))}
	case continuesLine(last):
		return engine.Completeness{Status: "incomplete", Indent: lastIndent(code) + indentUnit}
	}
	return engine.Completeness{Status: "complete"}
}

func closerOf(opener token.Token) token.Token {
	switch opener {
	case token.LPAREN:
		return token.RPAREN
	case token.LBRACK:
		return token.RBRACK
	}
	return token.RBRACE
}

// continuesLine reports whether a line that ends in tok must go on: a binary operator, an
// assignment, a comma, a dot or a colon.
func continuesLine(tok token.Token) bool {
	return tok.IsOperator() && tok != token.RPAREN && tok != token.RBRACK && tok != token.RBRACE &&
		tok != token.INC && tok != token.DEC && tok != token.SEMICOLON && tok != token.ELLIPSIS
}

// lastIndent is the leading white space of the last non-blank line.
func lastIndent(code string) string {
	lines := strings.Split(strings.TrimRight(code, " \t\n"), "\n")
	line := lines[len(lines)-1]
	return line[:len(line)-len(strings.TrimLeft(line, " \t"))]
}
