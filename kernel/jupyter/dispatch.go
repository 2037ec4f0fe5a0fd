package jupyter

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"strconv"
	"strings"
)

// handler answers one request; it returns the reply's content, or nil for requests that
// have no reply (comm messages).
type handler func(ctx context.Context, m *Message) (any, error)

// requestError is a request that cannot be served as sent; it becomes an error reply.
type requestError struct{ msg string }

func (e *requestError) Error() string { return e.msg }

// requiredFields lists the content keys without which a request is refused.
var requiredFields = map[string][]string{
	"execute_request":     {"code"},
	"complete_request":    {"code", "cursor_pos"},
	"inspect_request":     {"code", "cursor_pos"},
	"is_complete_request": {"code"},
	"history_request":     {"hist_access_type"},
	"comm_open":           {"comm_id", "target_name"},
	"comm_msg":            {"comm_id"},
	"comm_close":          {"comm_id"},
}

// controlTypes are the requests served on the control socket; shell serves these and the rest.
var controlTypes = map[string]bool{"kernel_info_request": true, "shutdown_request": true, "interrupt_request": true}

// handlerTable maps each request type the server knows to its handler.
func (s *Server) handlerTable() map[string]handler {
	return map[string]handler{
		"kernel_info_request": s.kernelInfo,
		"shutdown_request":    s.shutdown,
		"interrupt_request":   s.interrupt,
		"execute_request":     s.execute,
		"complete_request":    s.complete,
		"inspect_request":     s.inspect,
		"is_complete_request": s.isComplete,
		"history_request":     s.historyRequest,
		"comm_info_request":   s.commInfo,
		"comm_open":           s.commOpen,
		"comm_msg":            ignore,
		"comm_close":          ignore,
	}
}

// handlerFor returns the handler of msgType on the socket named socket, or an error saying
// why there is none.
func (s *Server) handlerFor(socket, msgType string) (handler, error) {
	h, ok := s.handlers[msgType]
	switch {
	case !ok:
		return nil, errUnknownType
	case socket == "control" && !controlTypes[msgType]:
		return nil, &requestError{msgType + " belongs on the shell socket, not control"}
	case socket == "shell" && msgType == "interrupt_request":
		return nil, &requestError{"interrupt_request belongs on the control socket, not shell"}
	}
	return h, nil
}

var errUnknownType = &requestError{"unknown message type"}

func ignore(context.Context, *Message) (any, error) { return nil, nil }

// serve answers m between a busy and an idle status whose parent is m. Only requests get a
// reply: a comm message that fails is logged, since the protocol has no reply type for it.
func (s *Server) serve(ctx context.Context, r *router, m *Message) {
	s.publish(m, "status", statusContent{"busy"})
	defer s.publish(m, "status", statusContent{"idle"})
	content := s.handle(ctx, r.name, m)
	if content != nil && strings.HasSuffix(m.Header.MsgType, "_request") {
		s.reply(r, m, content)
	}
}

// handle runs m's handler, turning a refused request or a handler's panic into an error reply.
func (s *Server) handle(ctx context.Context, socket string, m *Message) (content any) {
	msgType := m.Header.MsgType
	defer func() {
		if p := recover(); p != nil {
			s.opts.Logger.Error("handler panicked", "msg_type", msgType, "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
			content = newErrorReply("KernelError", fmt.Sprintf("the kernel failed on %s: %v", msgType, p))
		}
	}()
	h, err := s.handlerFor(socket, msgType)
	if err == errUnknownType {
		s.log.once("unknown "+msgType, "ignored a message of unknown type", "socket", socket, "msg_type", msgType)
		return nil
	}
	if err == nil {
		err = checkRequired(m)
	}
	if err == nil {
		content, err = h(ctx, m)
	}
	if err != nil {
		s.log.warn("refused "+msgType, "refused a request", "socket", socket, "msg_type", msgType, "reason", err)
		return newErrorReply("BadRequest", err.Error())
	}
	return content
}

// checkRequired reports a request whose content lacks a required key.
func checkRequired(m *Message) error {
	keys := requiredFields[m.Header.MsgType]
	if len(keys) == 0 {
		return nil
	}
	fields, err := m.contentFields()
	if err != nil {
		return &requestError{err.Error()}
	}
	for _, k := range keys {
		if _, ok := fields[k]; !ok {
			return &requestError{m.Header.MsgType + " has no " + strconv.Quote(k)}
		}
	}
	return nil
}

// decode decodes a request's content into v, as a requestError when it does not fit.
func decode(m *Message, v any) error {
	if err := m.DecodeContent(v); err != nil {
		return &requestError{err.Error()}
	}
	return nil
}

// unencodable is what goes out instead of a message whose content JSON cannot hold (a NaN in
// a display's data, say): for a reply, an error reply, so that the client does not wait for
// ever; for an iopub message, a line on the cell's stderr saying what was lost.
func unencodable(msgType string, err error) (string, any) {
	if cause := errors.Unwrap(err); cause != nil {
		err = cause // NewMessage's wrapping names msgType again
	}
	what := fmt.Sprintf("the kernel could not encode its %s: %v", msgType, err)
	if strings.HasSuffix(msgType, "_reply") {
		return msgType, newErrorReply("KernelError", what)
	}
	return "stream", streamContent{Name: "stderr", Text: what + "\n"}
}

// reply sends the reply to m on the socket m came from.
func (s *Server) reply(r *router, m *Message, content any) {
	replyType := strings.TrimSuffix(m.Header.MsgType, "_request") + "_reply"
	s.sendTo(r.out, replyType, m, content)
}

// publish sends a message on iopub whose parent is m (nil for none).
func (s *Server) publish(parent *Message, msgType string, content any) {
	s.sendTo(s.iopub, msgType, parent, content)
}

func (s *Server) sendTo(o *outbox, msgType string, parent *Message, content any) {
	msg, err := NewMessage(NewHeader(msgType, s.session, username), parent, content)
	if err != nil {
		s.log.warn("encode "+msgType, "cannot encode a message", "msg_type", msgType, "err", err)
		msgType, content = unencodable(msgType, err)
		if msg, err = NewMessage(NewHeader(msgType, s.session, username), parent, content); err != nil {
			return
		}
	}
	if o == s.iopub {
		msg.Identities = [][]byte{[]byte("kernel." + s.session + "." + msgType)}
	}
	o.send(msg)
}
