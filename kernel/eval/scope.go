package eval

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/concurlab/concurlab/kernel/complete"
	"github.com/concurlab/concurlab/kernel/engine"
)

// Session is the scope that completion and inspection see.
var _ complete.Scope = (*Session)(nil)

// Sources returns the source of every declaration of the session, imports first.
func (s *Session) Sources() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.sourcesLocked()
}

// sourcesLocked is Sources with s.mu held.
func (s *Session) sourcesLocked() []string {
	var out []string
	for _, imp := range s.imports {
		out = append(out, imp.source())
	}
	for _, d := range s.decls {
		out = append(out, d.source)
	}
	return out
}

// Declarations returns the session's imports and declarations, in an order in which they
// replay.
func (s *Session) Declarations() []string {
	return s.Sources()
}

// Replay declares decls, as Declarations returned them, in this session: all of them as one
// cell, so that their order does not matter, through the front end as any cell. A
// declaration that fails is reported and left out; the others are declared.
func (s *Session) Replay(decls []string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.ro.begin(discard{}, 0)
	defer s.ro.end()
	var errs []error
	for len(decls) > 0 {
		code, starts := joinSources(decls)
		_, failure := s.runLocked(context.Background(), code, 0)
		if failure == nil {
			break
		}
		i := sourceAt(failure.Value, starts)
		if i < 0 {
			errs = append(errs, errors.New(failure.Value))
			break
		}
		errs = append(errs, fmt.Errorf("%q: %s", decls[i], failure.Value))
		decls = slices.Delete(slices.Clone(decls), i, i+1)
	}
	return errors.Join(errs...)
}

// joinSources writes sources one below the other as one cell, and returns the cell line that
// each starts at.
func joinSources(sources []string) (string, []int) {
	starts := make([]int, len(sources))
	line := 1
	for i, src := range sources {
		starts[i] = line
		line += strings.Count(src, "\n") + 1
	}
	return strings.Join(sources, "\n"), starts
}

// errorLine reads the cell line of an error's value ("In[0] line 3:5: …").
var errorLine = regexp.MustCompile(`^In\[\d+\] line (\d+):`)

// sourceAt returns the index of the source that holds the line an error names, or -1.
func sourceAt(value string, starts []int) int {
	m := errorLine.FindStringSubmatch(value)
	if m == nil {
		return -1
	}
	line, _ := strconv.Atoi(m[1])
	i := len(starts) - 1
	for i > 0 && starts[i] > line {
		i--
	}
	return i
}

// Imports maps the name of each imported package to its path.
func (s *Session) Imports() map[string]string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make(map[string]string, len(s.imports))
	for _, imp := range s.imports {
		out[imp.packageName()] = imp.path
	}
	return out
}

// Value returns the current value of the session variable name.
func (s *Session) Value(name string) (reflect.Value, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	v, ok := s.globals()[name]
	return v, ok && v.IsValid()
}

// Complete proposes completions for code at cursor (in code points).
func (s *Session) Complete(code string, cursor int) engine.Completion {
	return s.completer.Complete(code, cursor, s)
}

// Inspect describes the name at cursor; detailLevel 1 adds its source.
func (s *Session) Inspect(code string, cursor, detailLevel int) engine.Inspection {
	return s.completer.Inspect(code, cursor, detailLevel, s)
}

// IsComplete tells whether code is ready to run.
func (s *Session) IsComplete(code string) engine.Completeness {
	return complete.IsComplete(code)
}

// discard is an Output that drops everything: replayed declarations show nothing.
type discard struct{}

func (discard) Stream(string, string)              {}
func (discard) Display(engine.DisplayData)         {}
func (discard) ClearOutput(bool)                   {}
func (discard) Input(string, bool) (string, error) { return "", engine.ErrNoStdin }
