package plot

import (
	"cmp"
	"fmt"
	"math"
	"slices"
)

// Palette gives the series of a chart their colours, in order; neighbours differ in hue and
// lightness.
var Palette = []string{"#3182bd", "#e6550d", "#31a354", "#756bb1", "#636363", "#d6616b", "#8c6d31", "#17becf"}

// Colour returns the palette's i-th colour, going round.
func Colour(i int) string { return Palette[i%len(Palette)] }

// The frame of the charts with two axes: the plot area, with room for the y axis to its left.
const (
	plotLeft   = 72.0
	plotRight  = 24.0
	plotHeight = 220.0
	plotTop    = TitleHeight + 12
	chartWidth = 720.0
)

// finite returns the finite values of vs and how many it left out.
func finite(vs []float64) ([]float64, int) {
	out := make([]float64, 0, len(vs))
	for _, v := range vs {
		if !math.IsNaN(v) && !math.IsInf(v, 0) {
			out = append(out, v)
		}
	}
	return out, len(vs) - len(out)
}

// spanOf returns the range of vs widened to take in 0, and 0..1 when there is nothing.
func spanOf(vs ...[]float64) (lo, hi float64) {
	for _, v := range vs {
		f, _ := finite(v)
		if len(f) > 0 {
			lo, hi = min(lo, slices.Min(f)), max(hi, slices.Max(f))
		}
	}
	if lo == hi {
		hi = lo + 1
	}
	return lo, hi
}

// BarChart draws values as vertical bars, one slot per label, a bar in each slot for each
// group side by side (as before and after).
type BarChart struct {
	Title      string
	ValueLabel string // the y axis: what the values are, with their unit
	Labels     []string
	Groups     []BarGroup
}

// BarGroup is one series of bars: a value for each slot.
type BarGroup struct {
	Name   string // shown in the legend when there is more than one group, or when set
	Values []float64
}

// SVG draws the chart.
func (b BarChart) SVG() string {
	slots := len(b.Labels)
	var notes []string
	bars := 0
	for _, g := range b.Groups {
		slots = max(slots, len(g.Values))
		bars += len(g.Values)
		if _, bad := finite(g.Values); bad > 0 {
			notes = append(notes, about(g.Name, F("%d 个值不是有限数，未画出", "%d values are not finite numbers and are not drawn", bad)))
		}
		if len(b.Labels) > 0 && len(g.Values) != len(b.Labels) {
			notes = append(notes, about(g.Name, F("%d 个值，%d 个标签", "%d values for %d labels", len(g.Values), len(b.Labels))))
		}
	}
	slots = max(slots, 1)
	width := max(chartWidth, plotLeft+plotRight+2*float64(slots))
	slot := (width - plotLeft - plotRight) / float64(slots)
	values := make([][]float64, len(b.Groups))
	for i, g := range b.Groups {
		values[i] = g.Values
	}
	lo, hi := spanOf(values...)
	ticks := NewTicks(lo, hi, 5, false)
	y := Scale{Lo: ticks.Lo(), Hi: ticks.Hi(), From: plotTop + plotHeight, To: plotTop}
	c := New(width, 0, b.Title)
	c.YAxis(y, plotLeft, width-plotRight, 16, ticks, b.ValueLabel)
	inner := slot * 0.8
	if len(b.Groups) > 0 {
		inner /= float64(len(b.Groups))
	}
	for gi, g := range b.Groups {
		colour := Colour(gi)
		c.Open("bars", fmt.Sprintf(`data-group="%s"`, Esc(g.Name)))
		for i, v := range g.Values {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				continue
			}
			x := plotLeft + slot*float64(i) + slot*0.1 + inner*float64(gi)
			top, bottom := min(y.At(v), y.At(0)), max(y.At(v), y.At(0))
			c.Rect(x, top, inner, bottom-top, fmt.Sprintf(`class="bar" fill="%s"`, colour))
			if bars <= 24 {
				c.Text(x+inner/2, top-4, "middle", `class="value" font-size="10"`, Short(v))
			}
		}
		c.Close()
	}
	base := plotTop + plotHeight
	c.Line(plotLeft, y.At(0), width-plotRight, y.At(0), `stroke="#333"`)
	widest := 0.0
	for _, l := range b.Labels {
		widest = max(widest, TextWidth(l, FontSize))
	}
	below := base + 18.0
	turn := widest > slot-4
	for i, l := range b.Labels {
		x := plotLeft + slot*(float64(i)+0.5)
		if turn {
			c.Text(x, base+14, "end", fmt.Sprintf(`class="label" transform="rotate(-35 %s %s)"`, num(x), num(base+14)), l)
		} else {
			c.Text(x, base+16, "middle", `class="label"`, l)
		}
	}
	if turn {
		below = base + 14 + widest*math.Sin(35*math.Pi/180) + 6
	}
	var entries []Entry
	for gi, g := range b.Groups {
		if g.Name != "" {
			entries = append(entries, Entry{g.Name, Box, Colour(gi)})
		}
	}
	c.Height = below + 12 + c.Legend(plotLeft, below+12, width-plotRight, entries)
	c.Height = c.notes(c.Height, notes)
	return c.String()
}

// notes draws each note on a line from y and returns the height of the canvas after them.
func (c *Canvas) notes(y float64, notes []string) float64 {
	for _, n := range notes {
		y += 16
		c.Note(plotLeft, y, n)
	}
	return y + 8
}

// Series is one line of a LineChart: Y against X.
type Series struct {
	Name   string
	X, Y   []float64
	Mark   Mark   // Solid (the zero value), Dashed, Dotted or LineDots
	Step   bool   // a step line: each value holds until the next X
	Colour string // "" for the palette's next
}

// Rule is a vertical line across a LineChart at X, such as the core count.
type Rule struct {
	X      float64
	Label  string
	Mark   Mark
	Colour string
}

// LineChart draws series of points joined by lines, on axes that start at 0.
type LineChart struct {
	Title, XLabel, YLabel string
	Series                []Series
	Rules                 []Rule
	WholeX, WholeY        bool // ticks at whole numbers only (counts)
}

// SVG draws the chart.
func (l LineChart) SVG() string {
	var xs, ys [][]float64
	var notes []string
	for _, s := range l.Series {
		xs, ys = append(xs, s.X), append(ys, s.Y)
		if len(s.X) != len(s.Y) {
			notes = append(notes, about(s.Name, F("%d 个 x 值，%d 个 y 值；只画出成对的", "%d x values and %d y values; only the pairs are drawn",
				len(s.X), len(s.Y))))
		}
	}
	for _, r := range l.Rules {
		xs = append(xs, []float64{r.X})
	}
	xlo, xhi := spanOf(xs...)
	ylo, yhi := spanOf(ys...)
	xt, yt := NewTicks(xlo, xhi, 8, l.WholeX), NewTicks(ylo, yhi, 5, l.WholeY)
	width := chartWidth
	x := Scale{Lo: xt.Lo(), Hi: xt.Hi(), From: plotLeft, To: width - plotRight}
	y := Scale{Lo: yt.Lo(), Hi: yt.Hi(), From: plotTop + plotHeight, To: plotTop}
	c := New(width, 0, l.Title)
	c.YAxis(y, plotLeft, width-plotRight, 16, yt, l.YLabel)
	var entries []Entry
	for i, s := range l.Series {
		colour := cmp.Or(s.Colour, Colour(i))
		n := min(len(s.X), len(s.Y))
		d := ""
		drawn := 0
		for j := range n {
			px, py := x.At(s.X[j]), y.At(s.Y[j])
			if math.IsNaN(px+py) || math.IsInf(px+py, 0) {
				continue
			}
			switch {
			case drawn == 0:
				d += fmt.Sprintf("M%s %s", num(px), num(py))
			case s.Step:
				d += fmt.Sprintf(" H%s V%s", num(px), num(py))
			default:
				d += fmt.Sprintf(" L%s %s", num(px), num(py))
			}
			drawn++
		}
		if drawn == 0 {
			continue
		}
		c.Open("series", fmt.Sprintf(`data-name="%s"`, Esc(s.Name)))
		c.Printf(`<path class="line" d="%s" %s/>`, d, s.Mark.Stroke(colour))
		if s.Mark == LineDots {
			for j := range n {
				if px, py := x.At(s.X[j]), y.At(s.Y[j]); !math.IsNaN(px+py) && !math.IsInf(px+py, 0) {
					c.Dot(px, py, colour)
				}
			}
		}
		c.Close()
		if s.Name != "" {
			entries = append(entries, Entry{s.Name, s.Mark, colour})
		}
	}
	for _, r := range l.Rules {
		colour := cmp.Or(r.Colour, "#636363")
		c.Line(x.At(r.X), plotTop, x.At(r.X), plotTop+plotHeight, `class="rule" `+r.Mark.Stroke(colour))
		if r.Label != "" {
			entries = append(entries, Entry{r.Label, r.Mark, colour})
		}
	}
	below := c.XAxis(x, plotTop+plotHeight, xt, "", l.XLabel)
	c.Height = below + 14 + c.Legend(plotLeft, below+14, width-plotRight, entries)
	c.Height = c.notes(c.Height, notes)
	return c.String()
}

// Histogram counts values in bins of a round width and draws the counts as adjacent bars,
// with the median and the 99th percentile as lines.
type Histogram struct {
	Title  string
	XLabel string // what the values are, with their unit
	Values []float64
	Bins   int // about how many bins; 0 for 20
}

// SVG draws the histogram.
func (h Histogram) SVG() string {
	values, bad := finite(h.Values)
	slices.Sort(values)
	bins := h.Bins
	if bins <= 0 {
		bins = 20
	}
	lo, hi := 0.0, 1.0
	if len(values) > 0 {
		lo, hi = values[0], values[len(values)-1]
		if hi == lo {
			hi = lo + 1
		}
	}
	step := NiceStep(hi-lo, bins)
	first := math.Floor(lo/step+1e-9) * step
	n := max(int(math.Ceil((hi-first)/step-1e-9)), 1)
	counts := make([]float64, n)
	for _, v := range values {
		counts[min(int((v-first)/step), n-1)]++
	}
	xt := NewTicks(first, first+float64(n)*step, 8, false)
	yt := NewTicks(0, max(slices.Max(counts), 1), 5, true)
	width := chartWidth
	x := Scale{Lo: xt.Lo(), Hi: xt.Hi(), From: plotLeft, To: width - plotRight}
	y := Scale{Lo: 0, Hi: yt.Hi(), From: plotTop + plotHeight, To: plotTop}
	c := New(width, 0, h.Title)
	c.YAxis(y, plotLeft, width-plotRight, 16, yt, L("次数", "count"))
	c.Open("bins", "")
	for i, k := range counts {
		from := first + float64(i)*step
		c.Printf(`<rect class="bin" x="%s" y="%s" width="%s" height="%s" fill="#6baed6" stroke="white">`+
			`<title>%s–%s: %d</title></rect>`, num(x.At(from)), num(y.At(k)), num(x.At(from+step)-x.At(from)),
			num(y.At(0)-y.At(k)), Short(from), Short(from+step), int(k))
	}
	c.Close()
	var entries []Entry
	if len(values) > 0 {
		rules := []struct {
			q      float64
			zh, en string
			mark   Mark
			colour string
		}{{0.5, "中位数", "median", Dashed, "#de2d26"}, {0.99, "第 99 百分位", "99th percentile", Dotted, "#252525"}}
		for _, r := range rules {
			v := quantile(values, r.q)
			c.Line(x.At(v), plotTop, x.At(v), plotTop+plotHeight, `class="rule" `+r.mark.Stroke(r.colour))
			entries = append(entries, Entry{L(r.zh, r.en) + " " + Short(v), r.mark, r.colour})
		}
	}
	below := c.XAxis(x, plotTop+plotHeight, xt, "", h.XLabel)
	c.Height = below + 14 + c.Legend(plotLeft, below+14, width-plotRight, entries)
	var notes []string
	if bad > 0 {
		notes = append(notes, F("%d 个值不是有限数，未计入", "%d values are not finite numbers and are not counted", bad))
	}
	if len(values) == 0 {
		notes = append(notes, L("没有值", "no values"))
	}
	c.Height = c.notes(c.Height, notes)
	return c.String()
}

// quantile returns the q-quantile of sorted values (the nearest rank at or above it).
func quantile(sorted []float64, q float64) float64 {
	i := int(math.Ceil(q*float64(len(sorted)))) - 1
	return sorted[min(max(i, 0), len(sorted)-1)]
}

// about puts name, if any, before note.
func about(name, note string) string {
	if name == "" {
		return note
	}
	return name + ": " + note
}
