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

// Replay declares decls, as Declarations returned them, in this session: the imports first,
// then every declaration in one rebuild of the interpreter, so that their order does not
// matter. It reports the chunks that failed; the others are declared.
func (s *Session) Replay(decls []string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.ro.begin(discard{}, 0)
	defer s.ro.end()
	ctx := context.Background()
	var errs []error
	all := s.decls
	for _, src := range decls {
		for _, c := range splitCell(src) {
			p, err := parseChunk(c)
			switch {
			case err != nil:
			case p.kind == importChunk:
				err = s.runImport(ctx, p)
			case p.kind == declChunk:
				for _, d := range declarationsOf(p, 0, s.rewrites(p, 0)) {
					all = replaced(all, d)
				}
			default:
				err = errors.New("not a declaration")
			}
			if err != nil {
				errs = append(errs, fmt.Errorf("%q: %v", src, err))
			}
		}
	}
	dropped, err := s.rebuildDropping(ctx, all, nil, 0)
	for _, re := range dropped {
		errs = append(errs, fmt.Errorf("%q: %v", re.decl.source, re.err))
	}
	return errors.Join(append(errs, err)...)
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
