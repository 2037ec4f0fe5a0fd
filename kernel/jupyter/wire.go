package jupyter

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"sync"
)

// Delimiter separates the routing identities from the rest of a message.
const Delimiter = "<IDS|MSG>"

// Errors that Decode reports for messages that must be dropped.
var (
	ErrNoDelimiter      = errors.New("no <IDS|MSG> delimiter")
	ErrTruncated        = errors.New("fewer than the five frames after <IDS|MSG>")
	ErrMissingSignature = errors.New("missing signature")
	ErrBadSignature     = errors.New("wrong signature")
	ErrMissingMsgType   = errors.New("header has no msg_type")
	ErrMissingMsgID     = errors.New("header has no msg_id")
	ErrContentNotObject = errors.New("content is not a JSON object")
)

// Signer signs and verifies messages with HMAC-SHA256 over their four dicts. The zero Signer
// (empty key) neither signs nor checks, as the protocol says for an empty key.
type Signer struct {
	key []byte
	// macs holds HMACs keyed with key, for reuse: keying one costs more than what it hashes.
	macs *sync.Pool
}

// NewSigner returns a Signer for key.
func NewSigner(key string) Signer {
	k := []byte(key)
	return Signer{key: k, macs: &sync.Pool{New: func() any { return hmac.New(sha256.New, k) }}}
}

// Sign returns the hex signature of the header, parent header, metadata and content frames,
// or "" when the key is empty.
func (s Signer) Sign(dicts ...[]byte) string {
	if len(s.key) == 0 {
		return ""
	}
	return hex.EncodeToString(s.mac(dicts))
}

// Verify tells whether signature is the right one for dicts, comparing in constant time.
// With an empty key every signature passes.
func (s Signer) Verify(signature []byte, dicts ...[]byte) error {
	if len(s.key) == 0 {
		return nil
	}
	if len(signature) == 0 {
		return ErrMissingSignature
	}
	got := make([]byte, hex.DecodedLen(len(signature)))
	if _, err := hex.Decode(got, signature); err != nil {
		return ErrBadSignature
	}
	if !hmac.Equal(got, s.mac(dicts)) {
		return ErrBadSignature
	}
	return nil
}

// mac returns the HMAC of dicts; only a Signer with a key (from NewSigner) has one to give.
func (s Signer) mac(dicts [][]byte) []byte {
	h := s.macs.Get().(hash.Hash)
	defer s.macs.Put(h)
	h.Reset()
	for _, d := range dicts {
		h.Write(d)
	}
	return h.Sum(nil)
}

// Encode returns the frames of m, signed by s: identities, <IDS|MSG>, signature, header,
// parent header, metadata, content, buffers.
func Encode(m *Message, s Signer) ([][]byte, error) {
	header := appendHeader(make([]byte, 0, 256), m.Header)
	parent := appendHeader(make([]byte, 0, 256), m.Parent)
	metadata := []byte("{}")
	if len(m.Metadata) > 0 {
		var err error
		if metadata, err = json.Marshal(m.Metadata); err != nil {
			return nil, err
		}
	}
	content := []byte(m.Content)
	if len(content) == 0 {
		content = []byte("{}")
	}
	frames := make([][]byte, 0, len(m.Identities)+6+len(m.Buffers))
	frames = append(frames, m.Identities...)
	frames = append(frames, []byte(Delimiter), []byte(s.Sign(header, parent, metadata, content)))
	frames = append(frames, header, parent, metadata, content)
	return append(frames, m.Buffers...), nil
}

// Decode parses frames into a Message after checking their signature with s. It never runs
// anything: a message it rejects is to be dropped.
func Decode(frames [][]byte, s Signer) (*Message, error) {
	i := 0
	for i < len(frames) && !bytes.Equal(frames[i], []byte(Delimiter)) {
		i++
	}
	if i == len(frames) {
		return nil, ErrNoDelimiter
	}
	rest := frames[i+1:]
	if len(rest) < 5 {
		return nil, ErrTruncated
	}
	if err := s.Verify(rest[0], rest[1], rest[2], rest[3], rest[4]); err != nil {
		return nil, err
	}
	m := &Message{Identities: frames[:i], Buffers: rest[5:]}
	if err := decodeHeader(rest[1], &m.Header); err != nil {
		return nil, fmt.Errorf("header: %w", err)
	}
	if len(bytes.TrimSpace(rest[2])) > 0 {
		if err := decodeHeader(rest[2], &m.Parent); err != nil {
			return nil, fmt.Errorf("parent header: %w", err)
		}
	}
	if err := unmarshalObject(rest[3], &m.Metadata); err != nil {
		return nil, fmt.Errorf("metadata: %w", err)
	}
	m.Content = json.RawMessage(rest[4])
	if _, err := m.contentFields(); err != nil {
		return nil, ErrContentNotObject
	}
	switch {
	case m.Header.MsgType == "":
		return nil, ErrMissingMsgType
	case m.Header.MsgID == "":
		return nil, ErrMissingMsgID
	}
	return m, nil
}

// unmarshalObject decodes a JSON object into v; an empty frame counts as {}.
func unmarshalObject(data []byte, v any) error {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil
	}
	return json.Unmarshal(data, v)
}
