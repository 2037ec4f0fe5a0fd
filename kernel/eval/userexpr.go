package eval

import (
	"context"
	"errors"

	"github.com/concurlab/concurlab/kernel/engine"
)

// userExpressions evaluates the user_expressions of an execute request after its cell.
func (s *Session) userExpressions(ctx context.Context, exprs map[string]string) map[string]engine.ExpressionValue {
	s.mu.Lock()
	defer s.mu.Unlock()
	values := make(map[string]engine.ExpressionValue, len(exprs))
	for name, code := range exprs {
		values[name] = s.userExpression(ctx, code)
	}
	return values
}

// userExpression evaluates one expression as the result of a one-line cell.
func (s *Session) userExpression(ctx context.Context, code string) engine.ExpressionValue {
	p, err := parseChunk(chunk{kind: stmtChunk, text: code, line: 1, col: 1})
	if err == nil && len(p.stmts) != 1 {
		err = errors.New("not a single expression")
	}
	var edits []edit
	if err == nil {
		if edits = resultEdits(p); len(edits) == 0 {
			err = errors.New("not an expression with a value")
		}
	}
	if err == nil {
		err = s.eval(ctx, yaegiSource(stmtChunk, 1, 1, applyEdits(code, edits)))
	}
	values := s.rt.takeValues()
	if err != nil {
		return engine.ExpressionValue{Error: s.failure(code, 0, err)}
	}
	d := render(values, s.opts.ResultLimit)
	if d == nil {
		return engine.ExpressionValue{Data: map[string]any{"text/plain": ""}}
	}
	return engine.ExpressionValue{Data: d.Data, Metadata: map[string]any{}}
}
