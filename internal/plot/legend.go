package plot

import "fmt"

// Mark is how a chart draws a thing: the legend draws the same mark as its swatch.
type Mark int

// The marks.
const (
	Solid    Mark = iota // a solid line
	Box                  // a filled rectangle: a bar, a state in a timeline
	Dashed               // a dashed line
	Dotted               // a dotted line
	LineDots             // a solid line through round points
	Up                   // a triangle pointing up
	Down                 // a triangle pointing down
)

// Stroke returns the attributes of a line drawn with mark m in colour.
func (m Mark) Stroke(colour string) string {
	attrs := fmt.Sprintf(`fill="none" stroke="%s" stroke-width="2"`, colour)
	switch m {
	case Dashed:
		attrs += ` stroke-dasharray="6 4"`
	case Dotted:
		attrs += ` stroke-dasharray="2 3"`
	}
	return attrs
}

// Triangle draws the triangle of mark Up or Down with its centre line at y and its tip at
// tip, around x.
func (c *Canvas) Triangle(x, y, tip float64, colour, tooltip string) {
	c.Printf(`<path d="M%s %s L%s %s L%s %s Z" fill="%s">`, num(x-4), num(y), num(x+4), num(y), num(x), num(tip), colour)
	if tooltip != "" {
		c.Printf(`<title>%s</title>`, Esc(tooltip))
	}
	c.Printf(`</path>`)
}

// Dot draws a point of a LineDots series.
func (c *Canvas) Dot(x, y float64, colour string) {
	c.Printf(`<circle cx="%s" cy="%s" r="3.5" fill="%s" stroke="white"/>`, num(x), num(y), colour)
}

// Entry is one item of a legend: the mark, its colour and what it means.
type Entry struct {
	Label  string
	Mark   Mark
	Colour string
}

// Legend draws entries left to right from x at baseline y, wrapping before right, and
// returns the height it took. A chart lists only what it drew.
func (c *Canvas) Legend(x, y, right float64, entries []Entry) float64 {
	if len(entries) == 0 {
		return 0
	}
	const rowHeight = 18.0
	c.Open("legend", "")
	left, height := x, rowHeight
	for _, e := range entries {
		w := 24 + TextWidth(e.Label, FontSize)
		if x > left && x+w > right {
			x, y, height = left, y+rowHeight, height+rowHeight
		}
		c.Printf(`<g class="entry" data-mark="%d" data-colour="%s">`, e.Mark, e.Colour)
		c.swatch(x, y, e)
		c.Text(x+22, y, "start", "", e.Label)
		c.Close()
		x += w + 12
	}
	c.Close()
	return height
}

// swatch draws the mark of e in an 18 by 12 box whose bottom left is at x, y+2.
func (c *Canvas) swatch(x, y float64, e Entry) {
	mid := y - 4
	switch e.Mark {
	case Box:
		c.Rect(x+3, y-10, 12, 12, fmt.Sprintf(`fill="%s" stroke="#555"`, e.Colour))
	case Up:
		c.Triangle(x+9, mid+5, mid-5, e.Colour, "")
	case Down:
		c.Triangle(x+9, mid-5, mid+5, e.Colour, "")
	default:
		c.Line(x, mid, x+18, mid, e.Mark.Stroke(e.Colour))
		if e.Mark == LineDots {
			c.Dot(x+9, mid, e.Colour)
		}
	}
}
