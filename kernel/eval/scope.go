package eval

import (
	"context"
	"errors"
	"fmt"
	"reflect"

	"github.com/concurlab/concurlab/kernel/complete"
	"github.com/concurlab/concurlab/kernel/engine"
)

// Session is the scope that completion and inspection see.
var _ complete.Scope = (*Session)(nil)

// Sources returns the source of every declaration of the session, imports first.
func (s *Session) Sources() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.declarations()
}

// Declarations returns the session's imports and declarations, in an order in which they
// replay.
func (s *Session) Declarations() []string {
	return s.Sources()
}

func (s *Session) declarations() []string {
	var out []string
	for _, imp := range s.imports {
		out = append(out, imp.source())
	}
	for _, d := range s.decls {
		out = append(out, d.source)
	}
	return out
}

// Replay declares decls, as Declarations returned them, in this session. It reports the
// chunks that failed; the others are declared.
func (s *Session) Replay(decls []string) error {
	var errs []error
	for _, d := range decls {
		s.ro.begin(discard{}, 0)
		_, failure := s.run(context.Background(), d, 0)
		s.ro.end()
		if failure != nil {
			errs = append(errs, fmt.Errorf("%q: %s", d, failure.Value))
		}
	}
	return errors.Join(errs...)
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
	v, ok := s.in.Globals()[name]
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
