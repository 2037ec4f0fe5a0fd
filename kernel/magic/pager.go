package magic

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/concurlab/concurlab/kernel/engine"
)

// helpPattern is a help query, IPython's way: "?name" or "name?", where name may be
// qualified ("fmt.Println", "concur.Mailbox.Send").
var helpPattern = regexp.MustCompile(`^(?:\?([\pL_][\pL\pN_.]*)|([\pL_][\pL\pN_.]*)\?)$`)

// helpQuery returns the name a cell asks about, when the whole cell is a help query.
func helpQuery(code string) (string, bool) {
	m := helpPattern.FindStringSubmatch(strings.TrimSpace(code))
	if m == nil {
		return "", false
	}
	return m[1] + m[2], true
}

// page answers a help query with the name's documentation as a pager payload, which
// front ends show beside the notebook rather than in the cell's output.
func (w *wrapper) page(name string) engine.ExecuteReply {
	doc := w.inner.Inspect(name, utf8.RuneCountInString(name), 0)
	if !doc.Found {
		return engine.ExecuteReply{Error: &engine.Error{
			Name:      "NameError",
			Value:     "no documentation found for " + name,
			Traceback: []string{"no documentation found for " + name + ": check the spelling, or import its package first"},
		}}
	}
	return engine.ExecuteReply{Payload: []map[string]any{{"source": "page", "data": doc.Data, "start": 0}}}
}
