package plot

import "fmt"

// Segment is a stretch of a lane, From to To in ms, drawn in Colour.
type Segment struct {
	From, To float64
	Colour   string
}

// Marker is a triangle on a lane at At ms: Mark is Up (pointing to the lane's top) or Down.
type Marker struct {
	At      float64
	Mark    Mark
	Colour  string
	Tooltip string
}

// Lane is one row of a timeline: a thread, a goroutine, a worker.
type Lane struct {
	Name     string
	Segments []Segment
	Markers  []Marker
}

// LaneRun is one timeline of a LaneChart: a run that lasted End ms.
type LaneRun struct {
	Name    string // the heading, with the run's length; "" for none
	Summary string // said at the heading's right, such as "3 threads"
	End     float64
	Lanes   []Lane
}

// LaneChart draws timelines of lanes, in Columns columns (1 stacks them), all on one time
// scale in ms that the longest run fills: a run half as long is drawn half as wide.
type LaneChart struct {
	Title   string
	Runs    []LaneRun
	Columns int
	Legend  []Entry // what the colours and markers mean, only those drawn
}

// layout of lane charts: a picture is 900 px wide, cut into columns.
const (
	laneChartWidth = 900.0
	laneChartGap   = 24.0
)

// SVG draws the chart.
func (l LaneChart) SVG() string {
	longest, labelWidth := 0.0, 60.0
	for _, r := range l.Runs {
		longest = max(longest, r.End)
		for _, lane := range r.Lanes {
			labelWidth = max(labelWidth, TextWidth(lane.Name, FontSize)+14)
		}
	}
	labelWidth = min(labelWidth, 200)
	columns := max(min(l.Columns, len(l.Runs)), 1)
	cellWidth := (laneChartWidth - laneChartGap*float64(columns-1)) / float64(columns)
	laneHeight, tickCount := 26.0, 10
	if columns > 1 {
		laneHeight, tickCount = 16, 4
	}
	span := max(longest, 1)
	ticks := NewTicks(0, span, tickCount, false).Upto(span)
	c := New(laneChartWidth, 0, l.Title)
	y := TitleHeight + 4
	for row := 0; row*columns < len(l.Runs); row++ {
		bottom := y
		for col := range columns {
			i := row*columns + col
			if i >= len(l.Runs) {
				break
			}
			x0 := float64(col) * (cellWidth + laneChartGap)
			scale := Scale{Lo: 0, Hi: span, From: x0 + labelWidth, To: x0 + cellWidth - 12}
			bottom = max(bottom, l.Runs[i].draw(c, scale, ticks, y, laneHeight))
		}
		y = bottom + 10
	}
	c.Height = y + 6 + c.Legend(labelWidth, y+6, laneChartWidth-12, l.Legend) + 4
	return c.String()
}

// draw draws the run at y on scale, with ticks: a heading, its lanes (light grey as far as
// the run lasted) and a time axis. It returns the run's bottom.
func (r LaneRun) draw(c *Canvas, scale Scale, ticks Ticks, y, laneHeight float64) float64 {
	c.Open("run", fmt.Sprintf(`data-name="%s" data-ms="%.3f"`, Esc(r.Name), r.End))
	if r.Name != "" {
		y += 16
		c.Text(scale.From, y, "start", `class="run-name" font-weight="bold"`, fmt.Sprintf("%s — %s ms", r.Name, Short(r.End)))
		c.Text(scale.To, y, "end", `class="run-summary" fill="#555"`, r.Summary)
		y += 6
	}
	x := func(ms float64) float64 { return scale.At(min(max(ms, 0), r.End)) } // a block begun before the trace starts at 0
	size := ""
	if laneHeight < 20 {
		size = `font-size="10"`
	}
	for _, l := range r.Lanes {
		c.Open("lane", fmt.Sprintf(`data-name="%s"`, Esc(l.Name)))
		c.Text(scale.From-8, y+laneHeight/2+4, "end", size, l.Name)
		c.Rect(scale.From, y+3, x(r.End)-scale.From, laneHeight-6, `fill="#f0f0f0"`)
		for _, s := range l.Segments {
			c.Rect(x(s.From), y+3, max(x(s.To)-x(s.From), 0.5), laneHeight-6, fmt.Sprintf(`fill="%s"`, s.Colour))
		}
		for _, m := range l.Markers {
			tip := y + laneHeight - 3
			if m.Mark == Up {
				tip = y + 3
			}
			c.Triangle(x(m.At), y+laneHeight/2, tip, m.Colour, m.Tooltip)
		}
		c.Close()
		y += laneHeight
	}
	if len(r.Lanes) > 0 {
		c.Line(x(r.End), y-laneHeight*float64(len(r.Lanes)), x(r.End), y, `class="end" stroke="#333" stroke-dasharray="2 2"`)
	}
	bottom := c.XAxis(scale, y+4, ticks, "", L("时间（毫秒）", "time (ms)"))
	c.Close()
	return bottom
}
