// Package plot draws the SVG pictures of concur and display: a canvas whose fonts render
// Chinese as well as Latin text, labels in Chinese, English or both, linear scales with
// round ticks, axes with units, legends whose swatches match the marks they explain, and the
// general chart kinds (bars, grouped bars, lines, histograms). The pictures are plain SVG
// with no script, so that they show inline in a notebook and in its HTML export. It knows
// nothing of threads or notebooks.
package plot

import (
	"fmt"
	"html"
	"strings"
	"unicode"
)

// FontFamily is the font stack of every picture: Latin fonts first, then fonts that have
// Chinese glyphs on Linux, macOS and Windows, so that a browser falls back to one of them for
// each Chinese character, in the notebook and in nbconvert's HTML export alike.
const FontFamily = `'Noto Sans', 'Helvetica Neue', Arial, 'Noto Sans CJK SC', 'Source Han Sans SC', ` +
	`'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'WenQuanYi Micro Hei', sans-serif`

// FontSize is the size in px of ordinary text; titles are TitleSize.
const (
	FontSize  = 12.0
	TitleSize = 15.0
)

// Canvas collects the elements of an SVG document. Width and Height are its size in px;
// they may change while it is drawn, until String writes the document.
type Canvas struct {
	Width, Height float64
	title         string
	body          strings.Builder
}

// New returns a canvas of the given size with title drawn at its top.
func New(width, height float64, title string) *Canvas {
	return &Canvas{Width: width, Height: height, title: title}
}

// TitleHeight is the space a title takes at the top of a canvas.
const TitleHeight = 32.0

// String returns the SVG document.
func (c *Canvas) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%s" height="%s" viewBox="0 0 %s %s" font-family="%s" font-size="%s">`,
		num(c.Width), num(c.Height), num(c.Width), num(c.Height), FontFamily, num(FontSize))
	fmt.Fprintf(&b, `<title>%s</title><rect width="%s" height="%s" fill="white"/>`, Esc(c.title), num(c.Width), num(c.Height))
	if c.title != "" {
		fmt.Fprintf(&b, `<text class="title" x="%s" y="21" text-anchor="middle" font-size="%s" font-weight="bold">%s</text>`,
			num(c.Width/2), num(TitleSize), Esc(c.title))
	}
	b.WriteString(c.body.String())
	b.WriteString("</svg>")
	return b.String()
}

// Printf adds an element written by hand; text in it must be escaped with Esc.
func (c *Canvas) Printf(format string, args ...any) { fmt.Fprintf(&c.body, format, args...) }

// Rect draws a rectangle; attrs are further attributes (fill, stroke, class).
func (c *Canvas) Rect(x, y, w, h float64, attrs string) {
	c.Printf(`<rect x="%s" y="%s" width="%s" height="%s" %s/>`, num(x), num(y), num(max(w, 0)), num(max(h, 0)), attrs)
}

// Line draws a line; attrs give at least its stroke.
func (c *Canvas) Line(x1, y1, x2, y2 float64, attrs string) {
	c.Printf(`<line x1="%s" y1="%s" x2="%s" y2="%s" %s/>`, num(x1), num(y1), num(x2), num(y2), attrs)
}

// Text draws s at x, y, anchored "start", "middle" or "end"; attrs are further attributes.
func (c *Canvas) Text(x, y float64, anchor, attrs, s string) {
	c.Printf(`<text x="%s" y="%s" text-anchor="%s" %s>%s</text>`, num(x), num(y), anchor, attrs, Esc(s))
}

// Open begins a group of class with further attributes; Close ends it.
func (c *Canvas) Open(class, attrs string) { c.Printf(`<g class="%s" %s>`, class, attrs) }

// Close ends the group that Open began.
func (c *Canvas) Close() { c.body.WriteString("</g>") }

// Note draws a remark in small dark-red italics at x, y: what a chart did with input it
// could not draw as given.
func (c *Canvas) Note(x, y float64, s string) {
	c.Text(x, y, "start", `class="note" font-size="11" font-style="italic" fill="#a50f15"`, s)
}

// num formats a coordinate with at most one decimal.
func num(v float64) string {
	s := fmt.Sprintf("%.1f", v)
	s = strings.TrimSuffix(s, ".0")
	if s == "-0" {
		return "0"
	}
	return s
}

// Esc escapes s for SVG text and attributes, replacing what XML 1.0 does not allow (control
// characters, U+FFFE, U+FFFF) and invalid UTF-8 with U+FFFD, so that any name draws.
func Esc(s string) string { return html.EscapeString(strings.Map(xmlChar, s)) }

// xmlChar returns r if XML 1.0 allows it in a document, U+FFFD otherwise.
func xmlChar(r rune) rune {
	switch {
	case r == '\t' || r == '\n' || r == '\r',
		r >= 0x20 && r <= 0xD7FF,
		r >= 0xE000 && r <= 0xFFFD,
		r >= 0x10000 && r <= 0x10FFFF:
		return r
	}
	return unicode.ReplacementChar
}

// TextWidth estimates the width in px of s at size: a Chinese (or other wide) character is
// an em, any other 0.6 em, a generous average for the Latin letters of a sans-serif font.
func TextWidth(s string, size float64) float64 {
	w := 0.0
	for _, r := range s {
		if wide(r) {
			w += size
		} else {
			w += 0.6 * size
		}
	}
	return w
}

// wide reports whether r takes a full em: Han, kana, Hangul, CJK punctuation and full-width
// forms.
func wide(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) ||
		r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFF60
}
