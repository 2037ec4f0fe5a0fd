package jupyter

import (
	"context"
	"fmt"
	"runtime/debug"

	"github.com/concurlab/concurlab/kernel/engine"
)

type executeRequest struct {
	Code            string            `json:"code"`
	Silent          bool              `json:"silent"`
	StoreHistory    *bool             `json:"store_history"`
	UserExpressions map[string]string `json:"user_expressions"`
	AllowStdin      *bool             `json:"allow_stdin"`
	StopOnError     *bool             `json:"stop_on_error"`
}

type executeInput struct {
	Code           string `json:"code"`
	ExecutionCount int    `json:"execution_count"`
}

type executeResult struct {
	ExecutionCount int            `json:"execution_count"`
	Data           map[string]any `json:"data"`
	Metadata       map[string]any `json:"metadata"`
}

// errorContent is the iopub error message, and the error fields of error replies.
type errorContent struct {
	Ename     string   `json:"ename"`
	Evalue    string   `json:"evalue"`
	Traceback []string `json:"traceback"`
}

// newErrorContent says what went wrong, with the one line as the traceback too.
func newErrorContent(name, value string) errorContent {
	return errorContent{Ename: name, Evalue: value, Traceback: []string{value}}
}

type executeOK struct {
	Status          string           `json:"status"`
	ExecutionCount  int              `json:"execution_count"`
	UserExpressions map[string]any   `json:"user_expressions"`
	Payload         []map[string]any `json:"payload"`
}

type executeError struct {
	Status         string `json:"status"`
	ExecutionCount int    `json:"execution_count"`
	errorContent
}

// orDefault returns *b, or def when the request did not say.
func orDefault(b *bool, def bool) bool {
	if b == nil {
		return def
	}
	return *b
}

// execute runs a cell: execute_input, the cell's output, its result or error, the reply.
// Interrupt cancels the cell from the moment it is taken from the queue.
func (s *Server) execute(ctx context.Context, m *Message) (any, error) {
	ctx, cancel := context.WithCancel(ctx)
	s.mu.Lock()
	s.cancelCell = cancel
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		s.cancelCell = nil
		s.mu.Unlock()
		cancel()
	}()
	var req executeRequest
	if err := decode(m, &req); err != nil {
		return nil, err
	}
	ereq := engine.ExecuteRequest{
		Code:            req.Code,
		Silent:          req.Silent,
		StoreHistory:    !req.Silent && orDefault(req.StoreHistory, true),
		AllowStdin:      orDefault(req.AllowStdin, true),
		StopOnError:     orDefault(req.StopOnError, true),
		UserExpressions: req.UserExpressions,
	}
	s.mu.Lock()
	if ereq.StoreHistory {
		s.count++
	}
	ereq.ExecutionCount = s.count
	s.mu.Unlock()
	if ereq.StoreHistory {
		s.history.add(ereq.ExecutionCount, req.Code)
	}
	if !req.Silent {
		s.publish(m, "execute_input", executeInput{Code: req.Code, ExecutionCount: ereq.ExecutionCount})
	}

	out := newCellOutput(s, m, ereq)
	result := s.runCell(ctx, ereq, out)
	out.finish()

	if result.Result != nil && !req.Silent {
		s.publish(m, "execute_result", executeResult{ExecutionCount: ereq.ExecutionCount, Data: object(result.Result.Data), Metadata: object(result.Result.Metadata)})
		if text, ok := result.Result.Data["text/plain"].(string); ok && ereq.StoreHistory {
			s.history.setOutput(ereq.ExecutionCount, text)
		}
	}
	if e := result.Error; e != nil {
		content := errorContent{Ename: e.Name, Evalue: e.Value, Traceback: nonNil(e.Traceback)}
		if !req.Silent {
			s.publish(m, "error", content)
		}
		s.abortQueue = ereq.StopOnError
		return executeError{Status: "error", ExecutionCount: ereq.ExecutionCount, errorContent: content}, nil
	}
	return executeOK{Status: "ok", ExecutionCount: ereq.ExecutionCount, UserExpressions: object(userExpressions(result.UserExpressions)), Payload: nonNil(result.Payload)}, nil
}

// runCell runs the engine on ctx, which Interrupt cancels, turning an engine panic into the
// cell's error.
func (s *Server) runCell(ctx context.Context, req engine.ExecuteRequest, out *cellOutput) (reply engine.ExecuteReply) {
	out.ctx = ctx
	defer func() {
		if p := recover(); p != nil {
			s.opts.Logger.Error("engine panicked", "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
			value := fmt.Sprint(p)
			reply = engine.ExecuteReply{Error: &engine.Error{Name: "KernelError", Value: value,
				Traceback: []string{"the kernel failed running this cell: " + value}}}
		}
	}()
	return s.eng.Execute(ctx, req, out)
}

// userExpressions turns the engine's values into user_expressions content.
func userExpressions(values map[string]engine.ExpressionValue) map[string]any {
	if values == nil {
		return nil
	}
	out := make(map[string]any, len(values))
	for name, v := range values {
		if v.Error != nil {
			out[name] = map[string]any{"status": "error", "ename": v.Error.Name, "evalue": v.Error.Value, "traceback": nonNil(v.Error.Traceback)}
			continue
		}
		out[name] = map[string]any{"status": "ok", "data": object(v.Data), "metadata": object(v.Metadata)}
	}
	return out
}
