package jupyter

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"testing"
)

// sample returns a message with identities, metadata, content and buffers.
func sample(t *testing.T) *Message {
	t.Helper()
	parent := &Message{Header: NewHeader("execute_request", "client-session", "alice"), Identities: [][]byte{[]byte("id-1"), []byte("id-2")}}
	m, err := NewMessage(NewHeader("execute_reply", "kernel-session", "kernel"), parent, map[string]any{"status": "ok", "execution_count": 3})
	if err != nil {
		t.Fatal(err)
	}
	m.Metadata = map[string]any{"started": "now"}
	m.Buffers = [][]byte{{0, 1, 2}, []byte("second buffer")}
	return m
}

func TestEncodeDecodeRoundTrip(t *testing.T) {
	for _, key := range []string{"", "secret-key"} {
		t.Run("key="+key, func(t *testing.T) {
			s := NewSigner(key)
			m := sample(t)
			frames, err := Encode(m, s)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(frames[2], []byte(Delimiter)) {
				t.Fatalf("frame 2 = %q, want the delimiter after two identities", frames[2])
			}
			if (key == "") != (len(frames[3]) == 0) {
				t.Errorf("signature %q for key %q", frames[3], key)
			}
			got, err := Decode(frames, s)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got.Identities, m.Identities) || got.Header != m.Header || got.Parent != m.Parent ||
				!reflect.DeepEqual(got.Metadata, m.Metadata) || !bytes.Equal(got.Content, m.Content) || !reflect.DeepEqual(got.Buffers, m.Buffers) {
				t.Errorf("round trip changed the message:\n got %+v\nwant %+v", got, m)
			}
		})
	}
}

func TestEmptyParentEncodesAsEmptyObject(t *testing.T) {
	m, err := NewMessage(NewHeader("status", "s", "kernel"), nil, map[string]string{"execution_state": "starting"})
	if err != nil {
		t.Fatal(err)
	}
	frames, err := Encode(m, Signer{})
	if err != nil {
		t.Fatal(err)
	}
	if got := string(frames[3]); got != "{}" {
		t.Errorf("parent_header = %s, want {}", got)
	}
	var header map[string]any
	if err := json.Unmarshal(frames[2], &header); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"msg_id", "session", "username", "date", "msg_type", "version"} {
		if header[k] == nil || header[k] == "" {
			t.Errorf("header lacks %s: %v", k, header)
		}
	}
}

func TestDecodeRejects(t *testing.T) {
	s := NewSigner("secret-key")
	good, err := Encode(sample(t), s)
	if err != nil {
		t.Fatal(err)
	}
	// edit returns a copy of the good frames changed by f.
	edit := func(f func([][]byte) [][]byte) [][]byte {
		frames := make([][]byte, len(good))
		for i := range good {
			frames[i] = bytes.Clone(good[i])
		}
		return f(frames)
	}
	resign := func(frames [][]byte) [][]byte {
		frames[3] = []byte(s.Sign(frames[4], frames[5], frames[6], frames[7]))
		return frames
	}
	tests := []struct {
		name   string
		frames [][]byte
		want   error
	}{
		{"tampered content", edit(func(f [][]byte) [][]byte { f[7] = []byte(`{"status":"error"}`); return f }), ErrBadSignature},
		{"tampered header", edit(func(f [][]byte) [][]byte { f[4][2]++; return f }), ErrBadSignature},
		{"tampered signature", edit(func(f [][]byte) [][]byte { f[3][0] ^= 1; return f }), ErrBadSignature},
		{"signature not hex", edit(func(f [][]byte) [][]byte { f[3] = []byte("zz"); return f }), ErrBadSignature},
		{"missing signature", edit(func(f [][]byte) [][]byte { f[3] = nil; return f }), ErrMissingSignature},
		{"other key", mustEncode(t, sample(t), NewSigner("other-key")), ErrBadSignature},
		{"no delimiter", edit(func(f [][]byte) [][]byte { return append(f[:2], f[3:]...) }), ErrNoDelimiter},
		{"truncated", edit(func(f [][]byte) [][]byte { return f[:6] }), ErrTruncated},
		{"no msg_type", edit(func(f [][]byte) [][]byte { f[4] = []byte(`{"msg_id":"x"}`); return resign(f) }), ErrMissingMsgType},
		{"no msg_id", edit(func(f [][]byte) [][]byte { f[4] = []byte(`{"msg_type":"x"}`); return resign(f) }), ErrMissingMsgID},
		{"content not an object", edit(func(f [][]byte) [][]byte { f[7] = []byte(`[1]`); return resign(f) }), ErrContentNotObject},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := Decode(tt.frames, s); !errors.Is(err, tt.want) {
				t.Errorf("Decode err = %v, want %v", err, tt.want)
			}
		})
	}
	t.Run("invalid JSON header", func(t *testing.T) {
		frames := edit(func(f [][]byte) [][]byte { f[4] = []byte(`{"msg_id":`); return resign(f) })
		if _, err := Decode(frames, s); err == nil {
			t.Error("Decode accepted a header that is not JSON")
		}
	})
}

func TestEmptyKeyAcceptsAnySignature(t *testing.T) {
	frames := mustEncode(t, sample(t), NewSigner("some-key"))
	if _, err := Decode(frames, Signer{}); err != nil {
		t.Errorf("with an empty key Decode = %v, want no check", err)
	}
}

func mustEncode(t *testing.T, m *Message, s Signer) [][]byte {
	t.Helper()
	frames, err := Encode(m, s)
	if err != nil {
		t.Fatal(err)
	}
	return frames
}

func ExampleSigner() {
	s := NewSigner("key")
	header, parent, metadata, content := []byte(`{"msg_id":"1"}`), []byte(`{}`), []byte(`{}`), []byte(`{}`)
	signature := s.Sign(header, parent, metadata, content)
	fmt.Println(len(signature), s.Verify([]byte(signature), header, parent, metadata, content))
	// Output: 64 <nil>
}

// Decode keeps the content's fields it checked, and the check of a request's required keys
// reads them instead of decoding the content again.
func TestDecodeKeepsTheContentFields(t *testing.T) {
	tests := []struct {
		content string
		want    string // checkRequired's error, "" for none
	}{
		{`{"code": "1+1", "silent": false}`, ""},
		{`{"silent": false}`, `execute_request has no "code"`},
	}
	for _, tt := range tests {
		m, err := NewMessage(NewHeader("execute_request", "s", "u"), nil, json.RawMessage(tt.content))
		if err != nil {
			t.Fatal(err)
		}
		decoded, err := Decode(mustEncode(t, m, Signer{}), Signer{})
		if err != nil {
			t.Fatal(err)
		}
		decoded.Content = json.RawMessage(`not JSON`) // a second decoding would fail
		got := ""
		if err := checkRequired(decoded); err != nil {
			got = err.Error()
		}
		if got != tt.want {
			t.Errorf("%s: checkRequired says %q, want %q", tt.content, got, tt.want)
		}
	}
}
