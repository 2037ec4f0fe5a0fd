package display

import (
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"maps"
	"slices"
	"strings"
)

// Bundle maps MIME types ("text/html", "image/png", ...) to their content. Text formats take
// a string; image formats take a base64 string or raw bytes ([]byte, encoded for you);
// "application/json" takes any JSON-encodable value.
type Bundle map[string]any

// Handle names one display so that it can be replaced later.
type Handle struct {
	id string
}

// Show displays b and returns a handle whose Update replaces it in place.
func Show(b Bundle) *Handle {
	h := &Handle{id: newDisplayID()}
	publish(b.normalized(), h.id, false)
	return h
}

// ID returns the display id that the front end knows this display by.
func (h *Handle) ID() string { return h.id }

// Update replaces the display with b (update_display_data).
func (h *Handle) Update(b Bundle) {
	publish(b.normalized(), h.id, true)
}

// Clear clears the cell's output: at once, or with wait when the next output arrives (which
// avoids flicker in animations). Outside the kernel it does nothing.
func Clear(wait bool) {
	if s := activeSink(); s != nil {
		s.Clear(wait)
	}
}

// normalized returns a copy of b with raw image bytes base64-encoded and a text/plain
// fallback added when b has none.
func (b Bundle) normalized() Bundle {
	out := make(Bundle, len(b)+1)
	for mime, content := range b {
		if raw, ok := content.([]byte); ok {
			content = base64.StdEncoding.EncodeToString(raw)
		}
		out[mime] = content
	}
	if _, ok := out["text/plain"]; !ok {
		out["text/plain"] = fmt.Sprintf("<display of %s>", strings.Join(slices.Sorted(maps.Keys(b)), ", "))
	}
	return out
}

// plainText is the text/plain rendering of b.
func (b Bundle) plainText() string {
	if s, ok := b["text/plain"].(string); ok {
		return s
	}
	return fmt.Sprint(b["text/plain"])
}

// newDisplayID returns a random id, unique for all practical purposes.
func newDisplayID() string {
	var id [16]byte
	rand.Read(id[:])
	return hex.EncodeToString(id[:])
}
