package eval

import (
	"strings"
	"testing"
)

func TestRichResults(t *testing.T) {
	cases := []struct {
		name  string
		setup []string
		code  string
		want  map[string]string // MIME type → substring of its content
	}{
		{name: "interpreted HTML", setup: []string{`type badge struct{ label string }
func (b badge) HTML() string { return "<b>" + b.label + "</b>" }`},
			code: `badge{"new"}`, want: map[string]string{"text/html": "<b>new</b>", "text/plain": "{new}"}},
		{name: "interpreted SVG and Markdown", setup: []string{`type pic struct{}
func (pic) SVG() string { return "<svg></svg>" }
func (pic) Markdown() string { return "# title" }`},
			code: `pic{}`, want: map[string]string{"image/svg+xml": "<svg></svg>", "text/html": "<svg></svg>", "text/markdown": "# title"}},
		{name: "interpreted MIME bundle", setup: []string{`type table struct{}
func (table) MIMEBundle() map[string]any { return map[string]any{"text/csv": "a,b"} }`},
			code: `table{}`, want: map[string]string{"text/csv": "a,b"}},
		{name: "compiled SVG", code: `import "concur"
concur.Picture("<svg id='p'/>")`, want: map[string]string{"image/svg+xml": "<svg id='p'/>", "text/html": "<svg id='p'/>", "text/plain": "<svg id='p'/>"}},
		{name: "plain interpreted struct", setup: []string{`type point struct{ x, y int }`},
			code: `point{1, 2}`, want: map[string]string{"text/plain": "{1 2}"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := newHarness(t, Options{})
			for _, setup := range c.setup {
				h.mustExec(setup)
			}
			r := h.mustExec(c.code)
			if r.reply.Result == nil {
				t.Fatal("no result")
			}
			for mime, want := range c.want {
				got, _ := r.reply.Result.Data[mime].(string)
				if !strings.Contains(got, want) {
					t.Errorf("%s = %q, want it to contain %q (bundle %v)", mime, got, want, r.reply.Result.Data)
				}
			}
		})
	}
}

func TestDisplay(t *testing.T) {
	h := newHarness(t, Options{})
	r := h.mustExec(`import "display"
display.HTML("<i>shown</i>")
display.Show(display.Bundle{"text/plain": "handle"})`)
	if r.reply.Result != nil {
		t.Errorf("a display handle was rendered again as the result: %v", r.reply.Result.Data)
	}
	if displays := r.out.Displays(); len(displays) != 2 || displays[0].Data["text/html"] != "<i>shown</i>" {
		t.Errorf("displays = %+v, want the HTML and the bundle", displays)
	}
}

func TestLongResultTruncated(t *testing.T) {
	cases := []struct {
		limit, longest int
	}{
		{100, 200},
		{-1, 21000}, // the default, 20 000
	}
	for _, c := range cases {
		h := newHarness(t, Options{ResultLimit: c.limit})
		r := h.mustExec(`import "strings"
strings.Repeat("x", 100000)`)
		if got := r.result(); len(got) > c.longest || !strings.Contains(got, "result truncated") {
			t.Errorf("ResultLimit %d: result of %d bytes, want it cut under %d bytes with a notice", c.limit, len(got), c.longest)
		}
	}
}
