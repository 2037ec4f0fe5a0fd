package magic

import (
	"context"
	"testing"

	"github.com/concurlab/concurlab/kernel/engine"
	"github.com/concurlab/concurlab/kernel/engine/enginetest"
)

func TestHelpQueryPagesTheDocumentation(t *testing.T) {
	tests := []struct{ code, name string }{
		{"?fmt.Println", "fmt.Println"},
		{"fmt.Println?", "fmt.Println"},
		{"  ?concur.Mailbox.Send \n", "concur.Mailbox.Send"},
		{"?并发", "并发"},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			inner := &fakeEngine{}
			reply := Wrap(inner).Execute(context.Background(), engine.ExecuteRequest{Code: tt.code}, &enginetest.Recorder{})
			if reply.Error != nil || len(reply.Payload) != 1 {
				t.Fatalf("reply = %+v, want one payload", reply)
			}
			page := reply.Payload[0]
			if page["source"] != "page" || page["data"].(map[string]any)["text/plain"] != "inner" {
				t.Errorf("payload = %v", page)
			}
			if len(inner.asked) != 1 || inner.asked[0] != tt.name {
				t.Errorf("inner was asked about %q, want %q", inner.asked, tt.name)
			}
			if len(inner.cells) != 0 {
				t.Errorf("a help query ran as code: %q", inner.cells)
			}
		})
	}
}

func TestCodeWithQuestionMarksRunsAsCode(t *testing.T) {
	for _, code := range []string{`s := "why?"`, "a ? b", "?"} {
		inner := &fakeEngine{}
		Wrap(inner).Execute(context.Background(), engine.ExecuteRequest{Code: code}, &enginetest.Recorder{})
		if len(inner.cells) != 1 {
			t.Errorf("%q did not run as code", code)
		}
	}
}

// undocumented is an engine that knows nothing.
type undocumented struct{ fakeEngine }

func (*undocumented) Inspect(string, int, int) engine.Inspection { return engine.Inspection{} }

func TestHelpQueryForAnUnknownNameSaysSo(t *testing.T) {
	reply := Wrap(&undocumented{}).Execute(context.Background(), engine.ExecuteRequest{Code: "?nosuch"}, &enginetest.Recorder{})
	if reply.Error == nil || reply.Error.Name != "NameError" || len(reply.Error.Traceback) == 0 {
		t.Fatalf("reply = %+v, want a NameError", reply)
	}
}
