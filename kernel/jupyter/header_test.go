package jupyter

import (
	"encoding/json"
	"testing"
)

// headerSamples are header dicts, plain and not, that decodeHeader must read as
// json.Unmarshal does.
var headerSamples = []string{
	`{}`,
	` { } `,
	`{"msg_id":"a1","session":"s","username":"u","date":"2026-11-26T07:00:00.000000Z","msg_type":"execute_request","version":"5.3"}`,
	"{\n  \"msg_type\" : \"status\" ,\n\t\"msg_id\":\"x\"\r\n}",
	`{"msg_id":"a","unknown":"ignored","msg_type":"t"}`,
	`{"msg_id":"a","msg_id":"b"}`,
	`{"MSG_ID":"case","msg_type":"t"}`,
	`{"msg_id":"esc\"aped","msg_type":"t"}`,
	`{"msg_id":"\u00e9t\u00e9","username":"<b>&"}`,
	`{"username":"éloïse"}`,
	`{"msg_id":5}`,
	`{"msg_id":null,"msg_type":"t"}`,
	`{"msg_id":"a","extra":{"nested":[1,2]}}`,
	`{"msg_id":"a",}`,
	`{"msg_id":"a"} trailing`,
	`{"msg_id":"a"`,
	`[]`,
	``,
	`"str"`,
}

func TestDecodeHeaderIsEncodingJSONs(t *testing.T) {
	for _, sample := range headerSamples {
		checkHeaderDecoding(t, []byte(sample))
	}
}

func TestAppendHeaderIsEncodingJSONs(t *testing.T) {
	for _, h := range []Header{
		{},
		NewHeader("execute_reply", "session-1", "kernel"),
		{MsgID: "only"},
		{Username: "éloïse", Session: "quote\" backslash\\ tab\t", MsgType: "<script>&"},
		{Date: "\x00\x1f\x7f", Version: "\xff invalid utf-8", MsgID: "\u2028 line separator"},
	} {
		checkHeaderEncoding(t, h)
	}
}

// FuzzHeader checks the header codec against encoding/json on arbitrary dicts.
func FuzzHeader(f *testing.F) {
	for _, sample := range headerSamples {
		f.Add([]byte(sample))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if h, ok := checkHeaderDecoding(t, data); ok {
			checkHeaderEncoding(t, h)
		}
	})
}

// checkHeaderDecoding fails t unless decodeHeader reads data as json.Unmarshal does; it
// returns the header when data decodes.
func checkHeaderDecoding(t *testing.T, data []byte) (Header, bool) {
	t.Helper()
	var got, want Header
	gotErr := decodeHeader(data, &got)
	wantErr := json.Unmarshal(data, &want)
	if (gotErr == nil) != (wantErr == nil) || got != want {
		t.Errorf("decodeHeader(%q) = %+v, %v; json.Unmarshal: %+v, %v", data, got, gotErr, want, wantErr)
	}
	return got, gotErr == nil
}

// checkHeaderEncoding fails t unless appendHeader writes h as json.Marshal does.
func checkHeaderEncoding(t *testing.T, h Header) {
	t.Helper()
	want, err := json.Marshal(h)
	if err != nil {
		t.Fatal(err)
	}
	if got := appendHeader(nil, h); string(got) != string(want) {
		t.Errorf("appendHeader(%+v) = %s, json.Marshal: %s", h, got, want)
	}
}
