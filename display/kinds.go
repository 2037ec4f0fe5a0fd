package display

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"image"
	_ "image/jpeg" // registers JPEG for image.DecodeConfig
	_ "image/png"  // registers PNG for image.DecodeConfig
	"regexp"
	"strings"
)

// HTML shows s as HTML.
func HTML(s string) { Show(htmlBundle(s)) }

// Markdown shows s rendered as Markdown.
func Markdown(s string) { Show(Bundle{"text/markdown": s, "text/plain": s}) }

// SVG shows s, an <svg> document, as a picture.
func SVG(s string) { Show(SVGBundle(s)) }

// SVGBundle returns the bundle that shows s, an <svg> document, as a picture: image/svg+xml,
// the same markup as text/html (nbconvert 6 strips the inside of image/svg+xml when it exports
// HTML, but keeps inline HTML), and a text/plain fallback.
func SVGBundle(s string) Bundle {
	return Bundle{"image/svg+xml": s, "text/html": s, "text/plain": fmt.Sprintf("<SVG image, %d bytes>", len(s))}
}

// PNG shows b, the bytes of a PNG file, as a picture.
func PNG(b []byte) { Show(imageBundle("image/png", "PNG", b)) }

// JPEG shows b, the bytes of a JPEG file, as a picture.
func JPEG(b []byte) { Show(imageBundle("image/jpeg", "JPEG", b)) }

// JSON shows v encoded as JSON, which front ends render as a collapsible tree. A value that
// cannot be encoded is shown as the encoding error.
func JSON(v any) {
	encoded, err := json.Marshal(v)
	if err != nil {
		Text("display.JSON: " + err.Error())
		return
	}
	var tree any
	json.Unmarshal(encoded, &tree)
	var indented bytes.Buffer
	json.Indent(&indented, encoded, "", "  ")
	Show(Bundle{"application/json": tree, "text/plain": indented.String()})
}

// Text shows s as plain text.
func Text(s string) { Show(Bundle{"text/plain": s}) }

func htmlBundle(s string) Bundle {
	return Bundle{"text/html": s, "text/plain": htmlToText(s)}
}

func imageBundle(mime, kind string, b []byte) Bundle {
	plain := fmt.Sprintf("<%s image, %d bytes>", kind, len(b))
	if cfg, _, err := image.DecodeConfig(bytes.NewReader(b)); err == nil {
		plain = fmt.Sprintf("<%s image, %dx%d>", kind, cfg.Width, cfg.Height)
	}
	return Bundle{mime: b, "text/plain": plain}
}

var tag = regexp.MustCompile(`<[^>]*>`)

// htmlToText drops the tags of s and decodes its entities: a readable fallback.
func htmlToText(s string) string {
	return strings.TrimSpace(html.UnescapeString(tag.ReplaceAllString(s, "")))
}
