package eval

import (
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// argUse is one verb of a format string and the argument it prints.
type argUse struct {
	verbAt  int  // byte offset of the verb
	indexAt int  // byte offset of the [n] right before the verb, or -1
	verb    rune // the verb
	arg     int  // the argument's index
}

// scanFormat returns the verbs of format that print one of n arguments, by fmt's rules of
// argument numbers, and the arguments that a * width or precision takes. ok is false when
// format holds a bad argument index.
func scanFormat(format string, n int) (uses []argUse, stars []int, ok bool) {
	ok = true
	argNum := 0
	for i := 0; i < len(format); {
		if format[i] != '%' {
			i++
			continue
		}
		i++
		for i < len(format) && strings.IndexByte("#0+- ", format[i]) >= 0 {
			i++
		}
		var good, afterIndex bool
		indexAt := i
		argNum, i, good, afterIndex = argNumber(argNum, format, i, n)
		ok = ok && good
		if i < len(format) && format[i] == '*' {
			stars = append(stars, argNum)
			i, argNum, afterIndex = i+1, argNum+1, false
		} else {
			i = skipDigits(format, i)
		}
		if i < len(format) && format[i] == '.' {
			i++
			indexAt = i
			argNum, i, good, afterIndex = argNumber(argNum, format, i, n)
			ok = ok && good
			if i < len(format) && format[i] == '*' {
				stars = append(stars, argNum)
				i, argNum, afterIndex = i+1, argNum+1, false
			} else {
				i = skipDigits(format, i)
			}
		}
		if !afterIndex {
			indexAt = i
			argNum, i, good, afterIndex = argNumber(argNum, format, i, n)
			ok = ok && good
		}
		if !afterIndex {
			indexAt = -1
		}
		if i >= len(format) {
			break
		}
		verb, size := utf8.DecodeRuneInString(format[i:])
		if verb != '%' && argNum < n {
			uses = append(uses, argUse{verbAt: i, indexAt: indexAt, verb: verb, arg: argNum})
			argNum++
		}
		i += size
	}
	return uses, stars, ok
}

// argNumber reads an argument index [n] at format[i:], as fmt does.
func argNumber(argNum int, format string, i, n int) (newArgNum, newi int, good, found bool) {
	if i >= len(format) || format[i] != '[' {
		return argNum, i, true, false
	}
	end := strings.IndexByte(format[i:], ']')
	if end < 0 {
		return argNum, i + 1, false, false
	}
	index, err := strconv.Atoi(format[i+1 : i+end])
	if err != nil || index < 1 || index > n {
		return argNum, i + end + 1, false, false
	}
	return index - 1, i + end + 1, true, true
}

func skipDigits(format string, i int) int {
	for i < len(format) && format[i] >= '0' && format[i] <= '9' {
		i++
	}
	return i
}

// rewritef returns format and a for fmt: an argument that fmt would print unlike Go becomes
// a goValue, and a %T of one prints its Go type's name. With wrapErrs (Errorf), an operand
// of %w stays an error, a value of a session type becoming a sessionError, so that the error
// wraps it.
func (p *goPrinter) rewritef(format string, a []any, wrapErrs bool) (string, []any) {
	if !slices.ContainsFunc(a, p.needsGo) {
		return format, a
	}
	uses, stars, ok := scanFormat(format, len(a))
	out := slices.Clone(a)
	names := map[int]string{} // the Go type of each argument that a %T prints
	inPlace := true           // each of them is printed by %T only
	for i, arg := range a {
		if !p.needsGo(arg) || slices.Contains(stars, i) {
			continue
		}
		op := p.operandOf(arg)
		verbs := verbsOf(uses, i)
		switch {
		case wrapErrs && slices.Contains(verbs, 'w'):
			if e, isErr := p.h.asSessionError(arg); isErr {
				out[i] = e
			} else if g, isTyped := arg.(goTyped); isTyped {
				out[i] = g.value
			}
			continue
		case ok && slices.Contains(verbs, 'T'):
			names[i] = p.goTypeOf(op)
			inPlace = inPlace && onlyVerb(verbs, 'T')
		case onlyVerb(verbs, 'p') && op.v.IsValid() && op.v.CanInterface():
			out[i] = op.v.Interface()
			continue
		}
		out[i] = goValue{p, op}
	}
	if len(names) == 0 {
		return format, out
	}
	return rewriteTypeVerbs(format, uses, out, names, inPlace)
}

// rewriteTypeVerbs turns each %T of an argument in names into %s of its Go type's name: in
// place when every such argument is printed by %T only, else as added arguments, with every
// verb given its argument index (fmt lets a format reuse an argument only by index, so
// nothing else changes).
func rewriteTypeVerbs(format string, uses []argUse, out []any, names map[int]string, inPlace bool) (string, []any) {
	added := map[int]int{} // argument → index of its added name
	var b strings.Builder
	last := 0
	for _, u := range uses {
		name, isName := names[u.arg]
		rewrite := isName && u.verb == 'T'
		if !rewrite && inPlace {
			continue
		}
		start := u.verbAt
		if u.indexAt >= 0 {
			start = u.indexAt
		}
		b.WriteString(format[last:start])
		index, verb := u.arg, string(u.verb)
		switch {
		case rewrite && inPlace:
			out[index], verb = name, "s"
		case rewrite:
			k, seen := added[u.arg]
			if !seen {
				k = len(out)
				added[u.arg] = k
				out = append(out, name)
			}
			index, verb = k, "s"
		}
		if !inPlace {
			b.WriteString("[" + strconv.Itoa(index+1) + "]")
		} else if u.indexAt >= 0 {
			b.WriteString(format[u.indexAt:u.verbAt])
		}
		b.WriteString(verb)
		last = u.verbAt + utf8.RuneLen(u.verb)
	}
	b.WriteString(format[last:])
	return b.String(), out
}

// verbsOf returns the verbs that print argument i.
func verbsOf(uses []argUse, i int) []rune {
	var verbs []rune
	for _, u := range uses {
		if u.arg == i {
			verbs = append(verbs, u.verb)
		}
	}
	return verbs
}

// onlyVerb reports whether verbs holds verb and no other.
func onlyVerb(verbs []rune, verb rune) bool {
	return len(verbs) > 0 && !slices.ContainsFunc(verbs, func(v rune) bool { return v != verb })
}

// printFormat returns the format with which Printf prints a as Print (ln false) or Println
// would: %v for each, a space between two operands where neither is a string (always, for
// Println), a newline after the last for Println.
func printFormat(a []any, ln bool) string {
	var b strings.Builder
	prevString := false
	for i, arg := range a {
		v := plainOperand(arg).v
		isString := v.IsValid() && v.Kind() == reflect.String
		if i > 0 && (ln || !isString && !prevString) {
			b.WriteByte(' ')
		}
		b.WriteString("%v")
		prevString = isString
	}
	if ln {
		b.WriteByte('\n')
	}
	return b.String()
}

// rewrite returns the format and arguments with which Printf prints a as Print or Println
// would, and false when fmt prints a as Go does.
func (p *goPrinter) rewrite(a []any, ln bool) (string, []any, bool) {
	if !slices.ContainsFunc(a, p.needsGo) {
		return "", a, false
	}
	format, out := p.rewritef(printFormat(a, ln), a, false)
	return format, out, true
}
