package jupyter

import (
	"context"
	"unicode/utf8"

	"github.com/concurlab/concurlab/kernel/engine"
)

type statusContent struct {
	ExecutionState string `json:"execution_state"`
}

// statusReply is a reply with nothing but its status: "ok", or "aborted" for a cell that
// stop_on_error skipped.
type statusReply struct {
	Status string `json:"status"`
}

var okStatus = statusReply{Status: "ok"}

type errorReply struct {
	Status string `json:"status"`
	errorContent
}

// newErrorReply is an error reply that says what went wrong in one line.
func newErrorReply(name, value string) errorReply {
	return errorReply{Status: "error", errorContent: newErrorContent(name, value)}
}

type kernelInfoReply struct {
	Status                string              `json:"status"`
	ProtocolVersion       string              `json:"protocol_version"`
	Implementation        string              `json:"implementation"`
	ImplementationVersion string              `json:"implementation_version"`
	LanguageInfo          engine.LanguageInfo `json:"language_info"`
	Banner                string              `json:"banner"`
	HelpLinks             []engine.HelpLink   `json:"help_links"`
	// SupportedFeatures lists the optional features of the protocol the kernel has (5.5):
	// none, neither the debugger nor subshells.
	SupportedFeatures []string `json:"supported_features"`
	Debugger          bool     `json:"debugger"`
}

func (s *Server) kernelInfo(context.Context, *Message) (any, error) {
	info := s.eng.Info()
	links := info.HelpLinks
	if links == nil {
		links = []engine.HelpLink{}
	}
	return kernelInfoReply{
		Status:                "ok",
		ProtocolVersion:       ProtocolVersion,
		Implementation:        info.Implementation,
		ImplementationVersion: info.ImplementationVersion,
		LanguageInfo:          info.Language,
		Banner:                info.Banner,
		HelpLinks:             links,
		SupportedFeatures:     []string{},
	}, nil
}

type welcomeContent struct {
	Subscription string `json:"subscription"`
}

// welcome greets a new subscription to iopub, as protocol 5.5 asks: an iopub_welcome whose
// topic is the subscription, so that it reaches the new subscriber (and every other one
// whose subscription it matches). The first welcome is followed by the kernel's status:
// starting, which until a front end subscribes nobody could see.
func (s *Server) welcome(topic []byte) {
	msg, err := NewMessage(NewHeader("iopub_welcome", s.session, username), nil, welcomeContent{Subscription: string(topic)})
	if err != nil {
		s.log.warn("encode iopub_welcome", "cannot encode a message", "msg_type", "iopub_welcome", "err", err)
		return
	}
	msg.Identities = [][]byte{topic}
	s.iopub.send(msg)
	s.starting.Do(func() { s.publish(nil, "status", statusContent{"starting"}) })
}

type codeRequest struct {
	Code        string `json:"code"`
	CursorPos   int    `json:"cursor_pos"`
	DetailLevel int    `json:"detail_level"`
}

// cursor clamps the request's cursor into the code, counted in code points.
func (r codeRequest) cursor() int {
	return min(max(r.CursorPos, 0), utf8.RuneCountInString(r.Code))
}

type completeReply struct {
	Status      string         `json:"status"`
	Matches     []string       `json:"matches"`
	CursorStart int            `json:"cursor_start"`
	CursorEnd   int            `json:"cursor_end"`
	Metadata    map[string]any `json:"metadata"`
}

func (s *Server) complete(_ context.Context, m *Message) (any, error) {
	var req codeRequest
	if err := decode(m, &req); err != nil {
		return nil, err
	}
	c := s.eng.Complete(req.Code, req.cursor())
	return completeReply{Status: "ok", Matches: nonNil(c.Matches), CursorStart: c.CursorStart, CursorEnd: c.CursorEnd, Metadata: object(c.Metadata)}, nil
}

type inspectReply struct {
	Status   string         `json:"status"`
	Found    bool           `json:"found"`
	Data     map[string]any `json:"data"`
	Metadata map[string]any `json:"metadata"`
}

func (s *Server) inspect(_ context.Context, m *Message) (any, error) {
	var req codeRequest
	if err := decode(m, &req); err != nil {
		return nil, err
	}
	in := s.eng.Inspect(req.Code, req.cursor(), req.DetailLevel)
	return inspectReply{Status: "ok", Found: in.Found, Data: object(in.Data), Metadata: object(in.Metadata)}, nil
}

// isCompleteReply has an indent exactly when the code is incomplete, as the protocol says,
// even when the indent is empty.
type isCompleteReply struct {
	Status string  `json:"status"`
	Indent *string `json:"indent,omitempty"`
}

func (s *Server) isComplete(_ context.Context, m *Message) (any, error) {
	var req codeRequest
	if err := decode(m, &req); err != nil {
		return nil, err
	}
	c := s.eng.IsComplete(req.Code)
	reply := isCompleteReply{Status: c.Status}
	switch c.Status {
	case "incomplete":
		reply.Indent = &c.Indent
	case "complete", "invalid":
	default:
		reply.Status = "unknown"
	}
	return reply, nil
}

type historyReply struct {
	Status  string  `json:"status"`
	History [][]any `json:"history"`
}

func (s *Server) historyRequest(_ context.Context, m *Message) (any, error) {
	var req historyRequest
	if err := decode(m, &req); err != nil {
		return nil, err
	}
	entries, err := s.history.query(req)
	if err != nil {
		return nil, err
	}
	return historyReply{Status: "ok", History: entries}, nil
}

type commInfoReply struct {
	Status string         `json:"status"`
	Comms  map[string]any `json:"comms"`
}

func (s *Server) commInfo(context.Context, *Message) (any, error) {
	return commInfoReply{Status: "ok", Comms: map[string]any{}}, nil
}

type commOpen struct {
	CommID     string `json:"comm_id"`
	TargetName string `json:"target_name"`
}

type commClose struct {
	CommID string         `json:"comm_id"`
	Data   map[string]any `json:"data"`
}

// commOpen closes every comm a front end opens: the kernel registers no comm targets.
func (s *Server) commOpen(_ context.Context, m *Message) (any, error) {
	var req commOpen
	if err := decode(m, &req); err != nil {
		return nil, err
	}
	s.log.once("comm target "+req.TargetName, "closing a comm of unknown target", "target_name", req.TargetName)
	s.publish(m, "comm_close", commClose{CommID: req.CommID, Data: map[string]any{}})
	return nil, nil
}

func (s *Server) interrupt(context.Context, *Message) (any, error) {
	s.Interrupt()
	return okStatus, nil
}

type shutdownContent struct {
	Status  string `json:"status"`
	Restart bool   `json:"restart"`
}

// shutdown replies and asks Run to stop once the idle status is out; Run then stops the
// running cell and the shell queue and shuts the engine down.
func (s *Server) shutdown(_ context.Context, m *Message) (any, error) {
	var req shutdownContent
	if err := decode(m, &req); err != nil {
		return nil, err
	}
	s.mu.Lock()
	s.shutdownAsked, s.restart = true, req.Restart
	s.mu.Unlock()
	reply := shutdownContent{Status: "ok", Restart: req.Restart}
	// Broadcast too, as ipykernel does, so that every front end watching iopub learns it.
	s.publish(m, "shutdown_reply", reply)
	return reply, nil
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func object(m map[string]any) map[string]any {
	if m == nil {
		return map[string]any{}
	}
	return m
}
