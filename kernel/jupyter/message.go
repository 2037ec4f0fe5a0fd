package jupyter

import (
	"crypto/rand"
	"encoding/json"
	"fmt"
	"time"
)

// ProtocolVersion is the version of the messaging protocol that headers declare.
const ProtocolVersion = "5.5"

// Header is a message's header, and the parent_header of the messages that answer it.
// An empty Header encodes as {}.
type Header struct {
	MsgID    string `json:"msg_id,omitempty"`
	Session  string `json:"session,omitempty"`
	Username string `json:"username,omitempty"`
	// Date is RFC 3339 with microseconds, in UTC.
	Date    string `json:"date,omitempty"`
	MsgType string `json:"msg_type,omitempty"`
	Version string `json:"version,omitempty"`
}

// Message is one Jupyter message as it travels on a socket.
type Message struct {
	// Identities are the ZeroMQ routing frames before <IDS|MSG>: where a reply goes.
	Identities [][]byte
	Header     Header
	Parent     Header
	Metadata   map[string]any
	// Content is the message's content dict, decoded by the handler that knows its type.
	Content json.RawMessage
	// Buffers are the extra binary frames after the content.
	Buffers [][]byte

	// fields are Content's top-level keys and values, decoded once (contentFields).
	fields map[string]json.RawMessage
}

// NewHeader returns a fresh header of msgType for session and user.
func NewHeader(msgType, session, username string) Header {
	return Header{
		MsgID:    NewID(),
		Session:  session,
		Username: username,
		Date:     time.Now().UTC().Format("2006-01-02T15:04:05.000000Z07:00"),
		MsgType:  msgType,
		Version:  ProtocolVersion,
	}
}

// NewMessage returns a message with header whose parent is parent (nil for none), with content
// encoded as JSON. It goes to the same identities as parent.
func NewMessage(header Header, parent *Message, content any) (*Message, error) {
	raw, err := json.Marshal(content)
	if err != nil {
		return nil, fmt.Errorf("encoding %s content: %w", header.MsgType, err)
	}
	m := &Message{Header: header, Content: raw}
	if parent != nil {
		m.Parent = parent.Header
		m.Identities = parent.Identities
	}
	return m, nil
}

// DecodeContent decodes the message's content into v.
func (m *Message) DecodeContent(v any) error {
	if len(m.Content) == 0 {
		return fmt.Errorf("%s has no content", m.Header.MsgType)
	}
	if err := json.Unmarshal(m.Content, v); err != nil {
		return fmt.Errorf("%s content: %w", m.Header.MsgType, err)
	}
	return nil
}

// contentFields returns the content's top-level keys and values, decoding Content the first
// time only: Decode checks with them that the content is an object, and the server that a
// request has the keys it needs.
func (m *Message) contentFields() (map[string]json.RawMessage, error) {
	if m.fields != nil {
		return m.fields, nil
	}
	if len(m.Content) == 0 {
		return nil, fmt.Errorf("%s has no content", m.Header.MsgType)
	}
	if err := json.Unmarshal(m.Content, &m.fields); err != nil || m.fields == nil {
		m.fields = nil
		return nil, ErrContentNotObject
	}
	return m.fields, nil
}

// NewID returns a random UUID version 4, as msg_id and session ids are.
func NewID() string {
	var b [16]byte
	rand.Read(b[:]) // never fails: crypto/rand crashes the program instead.
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[:4], b[4:6], b[6:8], b[8:10], b[10:])
}
