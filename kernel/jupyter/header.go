package jupyter

import (
	"encoding/json"
	"strings"
)

// Headers are the one part of every message that the kernel and its clients encode and
// decode each time: this file reads and writes them without reflection, falling back to
// encoding/json for anything but the plain form that Jupyter's clients and this package
// write, so that the result is always encoding/json's.

// headerKeys are the JSON keys of a Header's fields, in the order of the struct.
var headerKeys = [...]string{"msg_id", "session", "username", "date", "msg_type", "version"}

// fields returns pointers to h's fields, in the order of headerKeys.
func (h *Header) fields() [len(headerKeys)]*string {
	return [...]*string{&h.MsgID, &h.Session, &h.Username, &h.Date, &h.MsgType, &h.Version}
}

// appendHeader appends h as json.Marshal encodes it.
func appendHeader(b []byte, h Header) []byte {
	b = append(b, '{')
	first := true
	for i, f := range h.fields() {
		if *f == "" {
			continue
		}
		if !first {
			b = append(b, ',')
		}
		first = false
		b = append(b, '"')
		b = append(b, headerKeys[i]...)
		b = append(b, '"', ':')
		b = appendString(b, *f)
	}
	return append(b, '}')
}

// appendString appends s as a JSON string as json.Marshal writes it: printable ASCII that
// needs no escape as it is, anything else through encoding/json.
func appendString(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if !plainByte(s[i]) {
			quoted, _ := json.Marshal(s) // a string always encodes
			return append(b, quoted...)
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

// plainByte tells a byte that encoding/json writes as it is inside a string: printable
// ASCII but the quote, the backslash and the HTML characters it escapes.
func plainByte(c byte) bool {
	return c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&'
}

// decodeHeader decodes a header dict into h as json.Unmarshal does.
func decodeHeader(data []byte, h *Header) error {
	if decodePlainHeader(data, h) {
		return nil
	}
	*h = Header{}
	return json.Unmarshal(data, h)
}

// decodePlainHeader decodes data into h when it is an object whose keys and values are all
// plain strings (see plainByte); otherwise it reports false and leaves h alone.
func decodePlainHeader(data []byte, h *Header) bool {
	var out Header
	fields := out.fields()
	i := skipSpace(data, 0)
	if i == len(data) || data[i] != '{' {
		return false
	}
	i = skipSpace(data, i+1)
	if i < len(data) && data[i] == '}' {
		if skipSpace(data, i+1) != len(data) {
			return false
		}
		*h = out
		return true
	}
	for {
		key, next, ok := plainString(data, i)
		if !ok {
			return false
		}
		i = skipSpace(data, next)
		if i == len(data) || data[i] != ':' {
			return false
		}
		value, next, ok := plainString(data, skipSpace(data, i+1))
		if !ok {
			return false
		}
		for k, name := range headerKeys {
			if key == name {
				*fields[k] = value
			} else if strings.EqualFold(key, name) {
				return false // encoding/json matches keys without regard to case
			}
		}
		i = skipSpace(data, next)
		switch {
		case i < len(data) && data[i] == ',':
			i = skipSpace(data, i+1)
		case i < len(data) && data[i] == '}':
			if skipSpace(data, i+1) != len(data) {
				return false
			}
			*h = out
			return true
		default:
			return false
		}
	}
}

// plainString reads the JSON string that starts at data[i], if it holds only plain bytes,
// and returns it and the index after its closing quote.
func plainString(data []byte, i int) (s string, next int, ok bool) {
	if i >= len(data) || data[i] != '"' {
		return "", 0, false
	}
	for j := i + 1; j < len(data); j++ {
		switch c := data[j]; {
		case c == '"':
			return string(data[i+1 : j]), j + 1, true
		case !plainByte(c) && c != '<' && c != '>' && c != '&':
			return "", 0, false
		}
	}
	return "", 0, false
}

// skipSpace returns the index of the first byte at or after i that is not JSON whitespace.
func skipSpace(data []byte, i int) int {
	for i < len(data) && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r') {
		i++
	}
	return i
}
