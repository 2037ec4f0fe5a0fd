package display

import (
	"encoding/base64"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"testing"
	"time"
)

// shown is one call of a Sink, as the recording sink saw it.
type shown struct {
	data      map[string]any
	displayID string
	update    bool
	clear     bool
	wait      bool
}

// recorder is a Sink that keeps every call.
type recorder struct {
	mu    sync.Mutex
	calls []shown
}

func (r *recorder) Display(data, metadata map[string]any, displayID string, update bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.calls = append(r.calls, shown{data: data, displayID: displayID, update: update})
}

func (r *recorder) Clear(wait bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.calls = append(r.calls, shown{clear: true, wait: wait})
}

// record installs a fresh recorder for the rest of the test.
func record(t *testing.T) *recorder {
	t.Helper()
	r := &recorder{}
	SetSink(r)
	t.Cleanup(func() { SetSink(nil) })
	return r
}

func readFixture(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestKinds(t *testing.T) {
	png := readFixture(t, "dot.png")
	jpg := readFixture(t, "dot.jpg")
	tests := []struct {
		name      string
		show      func()
		mime      string
		content   any
		plainText string
	}{
		{"HTML", func() { HTML("<b>bold</b> &amp; brave") }, "text/html", "<b>bold</b> &amp; brave", "bold & brave"},
		{"Markdown", func() { Markdown("# Title") }, "text/markdown", "# Title", "# Title"},
		{"SVG", func() { SVG("<svg/>") }, "image/svg+xml", "<svg/>", "<SVG image, 6 bytes>"},
		{"SVG as HTML too, for exporters", func() { SVG("<svg/>") }, "text/html", "<svg/>", "<SVG image, 6 bytes>"},
		{"PNG", func() { PNG(png) }, "image/png", base64.StdEncoding.EncodeToString(png), "<PNG image, 3x2>"},
		{"JPEG", func() { JPEG(jpg) }, "image/jpeg", base64.StdEncoding.EncodeToString(jpg), "<JPEG image, 3x2>"},
		{"broken PNG", func() { PNG([]byte("nope")) }, "image/png", "bm9wZQ==", "<PNG image, 4 bytes>"},
		{"Text", func() { Text("plain") }, "text/plain", "plain", "plain"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := record(t)
			tt.show()
			if len(r.calls) != 1 {
				t.Fatalf("got %d sink calls, want 1", len(r.calls))
			}
			got := r.calls[0]
			if got.update || got.displayID == "" {
				t.Errorf("update=%v id=%q, want a new display with an id", got.update, got.displayID)
			}
			if got.data[tt.mime] != tt.content {
				t.Errorf("%s = %#v, want %#v", tt.mime, got.data[tt.mime], tt.content)
			}
			if got.data["text/plain"] != tt.plainText {
				t.Errorf("text/plain = %#v, want %#v", got.data["text/plain"], tt.plainText)
			}
		})
	}
}

func TestJSON(t *testing.T) {
	tests := []struct {
		name      string
		value     any
		tree      string
		plainText string
	}{
		{"struct", struct {
			Name string `json:"name"`
			N    int    `json:"n"`
		}{"pool", 4}, "map[n:4 name:pool]", "{\n  \"name\": \"pool\",\n  \"n\": 4\n}"},
		{"list", []int{1, 2}, "[1 2]", "[\n  1,\n  2\n]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := record(t)
			JSON(tt.value)
			data := r.calls[0].data
			if got := strings.TrimSpace(sprint(data["application/json"])); got != tt.tree {
				t.Errorf("application/json = %s, want %s", got, tt.tree)
			}
			if data["text/plain"] != tt.plainText {
				t.Errorf("text/plain = %q, want %q", data["text/plain"], tt.plainText)
			}
		})
	}
}

func TestJSONUnencodable(t *testing.T) {
	r := record(t)
	JSON(make(chan int))
	text, _ := r.calls[0].data["text/plain"].(string)
	if !strings.HasPrefix(text, "display.JSON: json: unsupported type") {
		t.Errorf("text/plain = %q, want the encoding error", text)
	}
	if _, ok := r.calls[0].data["application/json"]; ok {
		t.Error("an unencodable value was sent as application/json")
	}
}

func TestShowAndUpdate(t *testing.T) {
	r := record(t)
	first := Show(Bundle{"text/html": "<i>1</i>"})
	second := Show(Bundle{"image/png": []byte{1, 2, 3}, "text/plain": "bytes"})
	first.Update(Bundle{"text/html": "<i>2</i>"})

	if first.ID() == second.ID() {
		t.Fatalf("two displays share the id %q", first.ID())
	}
	want := []shown{
		{data: map[string]any{"text/html": "<i>1</i>", "text/plain": "<display of text/html>"}, displayID: first.ID()},
		{data: map[string]any{"image/png": "AQID", "text/plain": "bytes"}, displayID: second.ID()},
		{data: map[string]any{"text/html": "<i>2</i>", "text/plain": "<display of text/html>"}, displayID: first.ID(), update: true},
	}
	assertCalls(t, r.calls, want)
}

func TestClear(t *testing.T) {
	r := record(t)
	Clear(true)
	Clear(false)
	assertCalls(t, r.calls, []shown{{clear: true, wait: true}, {clear: true}})
}

func assertCalls(t *testing.T, got, want []shown) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d sink calls, want %d: %+v", len(got), len(want), got)
	}
	for i := range want {
		if sprint(got[i]) != sprint(want[i]) {
			t.Errorf("call %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}

// fakeClock is a clock that tests move by hand.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time { return c.t }

func TestProgressThrottlesAndShowsFinalState(t *testing.T) {
	tests := []struct {
		name        string
		total       int
		steps       int
		stepEvery   time.Duration
		maxUpdates  int
		finalText   string
		finalMarkup string
	}{
		{"tight loop", 1000, 1000, time.Millisecond, 10, "[####################] 1000/1000 (100%) · 1000.0/s · done in 1s", `value="1000" max="1000"`},
		{"slow steps", 4, 4, time.Second, 4, "[####################] 4/4 (100%) · 1.0/s · done in 4s", `value="4" max="4"`},
		{"fast work", 3, 3, 100 * time.Microsecond, 0, "[####################] 3/3 (100%) · 10000.0/s · done in 300µs", `value="3" max="3"`},
		{"unknown total", 0, 50, 10 * time.Millisecond, 5, "[####################] 50 · 100.0/s · done in 500ms", `value="1" max="1"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := record(t)
			clock := &fakeClock{t: time.Unix(0, 0)}
			bar := newProgress("", tt.total, clock.now)
			for range tt.steps {
				clock.t = clock.t.Add(tt.stepEvery)
				bar.Add(1)
			}
			bar.Done()
			bar.Done()

			updates := len(r.calls) - 2 // the first display and the final update
			if updates > tt.maxUpdates {
				t.Errorf("%d intermediate updates, want at most %d", updates, tt.maxUpdates)
			}
			id := r.calls[0].displayID
			for i, c := range r.calls {
				if c.displayID != id || c.update != (i > 0) {
					t.Fatalf("call %d: id %q update %v, want updates of display %q", i, c.displayID, c.update, id)
				}
			}
			final := r.calls[len(r.calls)-1].data
			if final["text/plain"] != tt.finalText {
				t.Errorf("final text/plain = %q, want %q", final["text/plain"], tt.finalText)
			}
			if html, _ := final["text/html"].(string); !strings.Contains(html, tt.finalMarkup) {
				t.Errorf("final text/html = %q, want it to contain %q", html, tt.finalMarkup)
			}
		})
	}
}

func TestProgressETA(t *testing.T) {
	r := record(t)
	clock := &fakeClock{t: time.Unix(0, 0)}
	bar := newProgress("", 10, clock.now)
	clock.t = clock.t.Add(2 * time.Second)
	bar.Add(4)
	want := "[########............] 4/10 (40%) · 2.0/s · ETA 3s"
	if got := r.calls[len(r.calls)-1].data["text/plain"]; got != want {
		t.Errorf("text/plain = %q, want %q", got, want)
	}
}

func TestLabeledProgress(t *testing.T) {
	r := record(t)
	bar := LabeledProgress("Map <squares>", 2)
	bar.Add(2)
	bar.Done()
	final := r.calls[len(r.calls)-1].data
	if text, _ := final["text/plain"].(string); !strings.HasPrefix(text, "Map <squares> [####################] 2/2") {
		t.Errorf("text/plain = %q, want the label first", text)
	}
	if markup, _ := final["text/html"].(string); !strings.Contains(markup, "Map &lt;squares&gt;</span> <progress") {
		t.Errorf("text/html = %q, want the escaped label before the bar", markup)
	}
}

func TestProgressIsConcurrencySafe(t *testing.T) {
	r := record(t)
	bar := Progress(400)
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 100 {
				bar.Add(1)
			}
		})
	}
	wg.Wait()
	bar.Done()
	final, _ := r.calls[len(r.calls)-1].data["text/plain"].(string)
	if !strings.Contains(final, "400/400 (100%)") {
		t.Errorf("final text/plain = %q, want 400/400", final)
	}
}

func TestNoSinkWritesPlainTextToStdout(t *testing.T) {
	SetSink(nil)
	got := captureStdout(t, func() {
		HTML("<p>hi &lt;3</p>")
		Show(Bundle{"text/html": "<br>"}).Update(Bundle{"text/plain": "updated"})
		Clear(false)
	})
	want := "hi <3\n<display of text/html>\nupdated\n"
	if got != want {
		t.Errorf("stdout = %q, want %q", got, want)
	}
}

func captureStdout(t *testing.T, f func()) string {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	saved := os.Stdout
	os.Stdout = w
	defer func() { os.Stdout = saved }()
	f()
	w.Close()
	out, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// sprint renders v with sorted map keys, for comparisons.
func sprint(v any) string { return fmt.Sprintf("%+v", v) }
