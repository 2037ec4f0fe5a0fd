package jupyter

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// historySession is the number of the kernel's session in history entries. Earlier sessions
// are not kept, so a request for session 0 (the current one) or 1 means this one.
const historySession = 1

// historyEntry is one stored cell: its execution count, its code and the text/plain of its
// result, if it had one.
type historyEntry struct {
	line   int
	input  string
	output *string
}

// history keeps the session's cells in memory for history_request.
type history struct {
	mu      sync.Mutex
	entries []historyEntry
}

func (h *history) add(line int, input string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.entries = append(h.entries, historyEntry{line: line, input: input})
}

// setOutput records the result text of the cell with execution count line.
func (h *history) setOutput(line int, output string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for i := len(h.entries) - 1; i >= 0; i-- {
		if h.entries[i].line == line {
			h.entries[i].output = &output
			return
		}
	}
}

// historyRequest is history_request's content.
type historyRequest struct {
	Output         bool   `json:"output"`
	Raw            bool   `json:"raw"`
	HistAccessType string `json:"hist_access_type"`
	Session        int    `json:"session"`
	Start          int    `json:"start"`
	Stop           int    `json:"stop"`
	N              *int   `json:"n"`
	Pattern        string `json:"pattern"`
	Unique         bool   `json:"unique"`
}

// query returns the entries that req asks for, as [session, line, input] or, with output,
// [session, line, [input, output]].
func (h *history) query(req historyRequest) ([][]any, error) {
	h.mu.Lock()
	entries := append([]historyEntry(nil), h.entries...)
	h.mu.Unlock()
	var picked []historyEntry
	switch req.HistAccessType {
	case "tail":
		picked = lastN(entries, req.N)
	case "range":
		if req.Session == 0 || req.Session == historySession {
			for _, e := range entries {
				if e.line >= req.Start && (req.Stop <= 0 || e.line < req.Stop) {
					picked = append(picked, e)
				}
			}
		}
	case "search":
		match, err := globMatcher(req.Pattern)
		if err != nil {
			return nil, err
		}
		for _, e := range entries {
			if match(e.input) {
				picked = append(picked, e)
			}
		}
		if req.Unique {
			picked = latestUnique(picked)
		}
		picked = lastN(picked, req.N)
	default:
		return nil, &requestError{"hist_access_type must be tail, range or search, not " + strconv.Quote(req.HistAccessType)}
	}
	out := make([][]any, 0, len(picked))
	for _, e := range picked {
		var input any = e.input
		if req.Output {
			input = []any{e.input, e.output}
		}
		out = append(out, []any{historySession, e.line, input})
	}
	return out, nil
}

// lastN returns the last n entries, or all of them when n is nil or not positive.
func lastN(entries []historyEntry, n *int) []historyEntry {
	if n == nil || *n <= 0 || *n >= len(entries) {
		return entries
	}
	return entries[len(entries)-*n:]
}

// latestUnique keeps the latest entry of each distinct input, in order.
func latestUnique(entries []historyEntry) []historyEntry {
	seen := make(map[string]bool)
	var kept []historyEntry
	for i := len(entries) - 1; i >= 0; i-- {
		if !seen[entries[i].input] {
			seen[entries[i].input] = true
			kept = append(kept, entries[i])
		}
	}
	for i, j := 0, len(kept)-1; i < j; i, j = i+1, j-1 {
		kept[i], kept[j] = kept[j], kept[i]
	}
	return kept
}

// globMatcher compiles a glob pattern, as IPython's history search takes it: * matches any
// text (newlines too), ? one character, [...] a class. An empty pattern matches everything.
func globMatcher(pattern string) (func(string) bool, error) {
	if pattern == "" {
		pattern = "*"
	}
	var re strings.Builder
	re.WriteString(`(?s)\A`)
	runes := []rune(pattern)
	for i := 0; i < len(runes); i++ {
		switch r := runes[i]; r {
		case '*':
			re.WriteString(".*")
		case '?':
			re.WriteString(".")
		case '[':
			end := slices.Index(runes[i+1:], ']')
			if end < 0 {
				re.WriteString(`\[`)
				continue
			}
			class := string(runes[i+1 : i+1+end])
			if strings.HasPrefix(class, "!") {
				class = "^" + class[1:]
			}
			re.WriteString("[" + strings.ReplaceAll(class, `\`, `\\`) + "]")
			i += end + 1
		default:
			re.WriteString(regexp.QuoteMeta(string(r)))
		}
	}
	re.WriteString(`\z`)
	compiled, err := regexp.Compile(re.String())
	if err != nil {
		return nil, &requestError{"bad history search pattern " + strconv.Quote(pattern)}
	}
	return compiled.MatchString, nil
}
