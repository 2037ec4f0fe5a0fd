package jupyter

import (
	"context"

	"github.com/concurlab/concurlab/kernel/engine"
)

// pendingInput is an input_request waiting for its input_reply.
type pendingInput struct {
	msgID string
	reply chan string
}

type inputRequest struct {
	Prompt   string `json:"prompt"`
	Password bool   `json:"password"`
}

type inputReply struct {
	Value *string `json:"value"`
}

// askInput sends an input_request on stdin to the front end that sent parent and waits for
// its input_reply, or for ctx to end.
func (s *Server) askInput(ctx context.Context, parent *Message, prompt string, password bool) (string, error) {
	msg, err := NewMessage(NewHeader("input_request", s.session, username), parent, inputRequest{Prompt: prompt, Password: password})
	if err != nil {
		return "", err
	}
	wait := &pendingInput{msgID: msg.Header.MsgID, reply: make(chan string, 1)}
	s.mu.Lock()
	s.input = wait
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		if s.input == wait {
			s.input = nil
		}
		s.mu.Unlock()
	}()
	s.stdin.out.send(msg)
	select {
	case value := <-wait.reply:
		return value, nil
	case <-ctx.Done():
		return "", engine.ErrInputInterrupted
	}
}

// deliverInput hands an input_reply from the stdin socket to the cell waiting for it.
// Replies that nobody waits for, and other messages, are logged and dropped.
func (s *Server) deliverInput(m *Message) {
	if m.Header.MsgType != "input_reply" {
		s.log.warn("stdin "+m.Header.MsgType, "dropped a message on stdin that is not an input_reply", "msg_type", m.Header.MsgType)
		return
	}
	var reply inputReply
	if err := m.DecodeContent(&reply); err != nil || reply.Value == nil {
		s.log.warn("stdin bad input_reply", "dropped an input_reply without a value", "err", err)
		return
	}
	s.mu.Lock()
	wait := s.input
	if wait != nil && m.Parent.MsgID != "" && m.Parent.MsgID != wait.msgID {
		wait = nil
	}
	s.mu.Unlock()
	if wait == nil {
		s.log.warn("stdin unexpected", "dropped an input_reply that no cell waits for")
		return
	}
	select {
	case wait.reply <- *reply.Value:
	default:
	}
}
