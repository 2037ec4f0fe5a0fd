package concur

import (
	"fmt"
	"html"
	"strings"
	"unicode"
)

// Picture is an SVG image as a string. The notebook shows a value with an SVG method as a
// picture; String returns the SVG source too.
type Picture string

// SVG returns the picture's SVG source.
func (p Picture) SVG() string { return string(p) }

// String returns the picture's SVG source.
func (p Picture) String() string { return string(p) }

// canvas builds an SVG document.
type canvas struct {
	b strings.Builder
}

const fontStyle = `font-family="sans-serif" font-size="12"`

func newCanvas(width, height int, title string) *canvas {
	c := &canvas{}
	fmt.Fprintf(&c.b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" %s>`,
		width, height, width, height, fontStyle)
	fmt.Fprintf(&c.b, `<title>%s</title><rect width="%d" height="%d" fill="white"/>`, esc(title), width, height)
	c.text(float64(width)/2, 20, "middle", `font-size="15" font-weight="bold"`, title)
	return c
}

func (c *canvas) rect(x, y, w, h float64, fill, extra string) {
	fmt.Fprintf(&c.b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s" %s/>`, x, y, w, h, fill, extra)
}

func (c *canvas) line(x1, y1, x2, y2 float64, stroke string) {
	fmt.Fprintf(&c.b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s"/>`, x1, y1, x2, y2, stroke)
}

func (c *canvas) text(x, y float64, anchor, extra, s string) {
	fmt.Fprintf(&c.b, `<text x="%.1f" y="%.1f" text-anchor="%s" %s>%s</text>`, x, y, anchor, extra, esc(s))
}

func (c *canvas) raw(s string) { c.b.WriteString(s) }

// legend draws coloured boxes with labels in a row starting at x, y.
func (c *canvas) legend(x, y float64, colours, labels []string) {
	for i, label := range labels {
		c.rect(x, y-10, 12, 12, colours[i], `stroke="#555"`)
		c.text(x+16, y, "start", "", label)
		x += 28 + 7*float64(len(label))
	}
}

func (c *canvas) picture() Picture {
	c.b.WriteString("</svg>")
	return Picture(c.b.String())
}

// esc escapes s for SVG text and attributes, replacing what XML 1.0 does not allow (control
// characters, U+FFFE, U+FFFF) and invalid UTF-8 with U+FFFD, so that any name draws.
func esc(s string) string { return html.EscapeString(strings.Map(xmlChar, s)) }

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

// niceStep returns a round tick step (1, 2 or 5 times a power of ten) that cuts span into
// about n parts.
func niceStep(span float64, n int) float64 {
	if span <= 0 {
		return 1
	}
	raw := span / float64(n)
	step := 1.0
	for step*10 <= raw {
		step *= 10
	}
	for step > raw {
		step /= 10
	}
	switch {
	case raw >= 5*step:
		return 5 * step
	case raw >= 2*step:
		return 2 * step
	}
	return step
}

// xAxis draws a time axis in ms under a plot from x0 to x1 at y, for a span of ms.
func (c *canvas) xAxis(x0, x1, y, ms float64, label string) {
	c.line(x0, y, x1, y, "#333")
	step := niceStep(ms, 8)
	for v := 0.0; v <= ms+step/1000; v += step {
		x := x0 + (x1-x0)*v/max(ms, 1e-9)
		c.line(x, y, x, y+4, "#333")
		c.text(x, y+16, "middle", "", trimFloat(v))
	}
	c.text((x0+x1)/2, y+32, "middle", "", label)
}

func trimFloat(v float64) string {
	return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.2f", v), "0"), ".")
}
