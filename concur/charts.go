package concur

import (
	"fmt"
	"time"

	"github.com/concurlab/concurlab/internal/plot"
)

// Speedups compares how long the same work took done in different ways — serially, with
// threads under a GIL, with processes, in parallel — and draws the speed-up of each against
// the first as a bar chart. The zero value is ready to use; Add the serial time first.
type Speedups struct {
	Title string
	Names []string
	Times []time.Duration
}

// Add records that the way called name took d.
func (s *Speedups) Add(name string, d time.Duration) {
	s.Names = append(s.Names, name)
	s.Times = append(s.Times, d)
}

// Speedup returns how many times faster the i-th way was than the first; 0 when either time
// is not positive.
func (s *Speedups) Speedup(i int) float64 {
	if i < 0 || i >= len(s.Times) || s.Times[i] <= 0 || s.Times[0] <= 0 {
		return 0
	}
	return float64(s.Times[0]) / float64(s.Times[i])
}

// ways returns the names of the ways that have a time: Names and Times, set directly, may
// differ in length.
func (s *Speedups) ways() []string {
	return s.Names[:min(len(s.Names), len(s.Times))]
}

// String lists each way with its time and speed-up.
func (s *Speedups) String() string {
	out := s.Title
	for i, name := range s.ways() {
		out += fmt.Sprintf("\n%-20s %8.1f ms  %5.2fx", name, plot.Ms(s.Times[i]), s.Speedup(i))
	}
	return out
}

// SVG draws one bar per way, as long as its speed-up and labelled with its time in ms, on an
// axis of round speed-ups with a dashed line at 1x, the speed of the first way.
func (s *Speedups) SVG() string {
	first := firstOr(s.Names, plot.L("第一种", "the first"))
	title := s.Title
	if title == "" {
		title = plot.F("相对于 %s 的加速比", "Speed-up against %s", first)
	}
	ways := s.ways()
	left := 60.0
	for _, name := range ways {
		left = max(left, plot.TextWidth(name, plot.FontSize)+16)
	}
	left = min(left, 260)
	// right leaves room for the longest bar's label, "12.34x (1234.5 ms)".
	const right, barHeight, width = 150.0, 28.0, 760.0
	top := plot.TitleHeight + 8
	most := 1.0
	for i := range s.Times {
		most = max(most, s.Speedup(i))
	}
	ticks := plot.NewTicks(0, most, 6, false) // the axis ends on a tick past the longest bar
	x := plot.Scale{Lo: 0, Hi: ticks.Hi(), From: left, To: width - right}
	c := plot.New(width, 0, title)
	for i, name := range ways {
		y := top + barHeight*float64(i)
		c.Text(left-8, y+barHeight/2+4, "end", `class="label"`, name)
		c.Rect(left, y+4, x.At(s.Speedup(i))-left, barHeight-8, `class="bar" fill="#6baed6"`)
		c.Text(x.At(s.Speedup(i))+6, y+barHeight/2+4, "start", `class="value"`,
			fmt.Sprintf("%.2fx (%.1f ms)", s.Speedup(i), plot.Ms(s.Times[i])))
	}
	axisY := top + barHeight*float64(len(ways)) + 4
	c.Line(x.At(1), top, x.At(1), axisY, `class="rule" `+plot.Dashed.Stroke("#636363"))
	below := c.XAxis(x, axisY, ticks, "x", plot.F("加速比（比 %s 快几倍）", "speed-up (times faster than %s)", first))
	entries := []plot.Entry{{Label: plot.F("1x：与 %s 一样快", "1x: as fast as %s", first), Mark: plot.Dashed, Colour: "#636363"}}
	if len(ways) > 0 {
		entries = append([]plot.Entry{{Label: plot.L("加速比，旁注用时（毫秒）", "speed-up, labelled with the time in ms"),
			Mark: plot.Box, Colour: "#6baed6"}}, entries...)
	}
	c.Height = below + 14 + c.Legend(left, below+14, width-12, entries)
	return c.String()
}

func firstOr(names []string, otherwise string) string {
	if len(names) == 0 {
		return otherwise
	}
	return names[0]
}

// depthChart draws a queue's depth over time as a step line, with its capacity dashed.
func depthChart(title string, points []DepthPoint, capacity int) Picture {
	var end time.Duration
	if len(points) > 0 {
		end = points[len(points)-1].At
	}
	end = max(end, time.Millisecond)
	depth := plot.Series{Name: plot.L("排队的消息", "messages waiting"), X: []float64{0}, Y: []float64{0}, Step: true, Colour: "#3182bd"}
	for _, p := range points {
		depth.X, depth.Y = append(depth.X, plot.Ms(p.At)), append(depth.Y, float64(p.Depth))
	}
	limit := plot.Series{Name: plot.F("容量 %d", "capacity %d", capacity), X: []float64{0, plot.Ms(end)},
		Y: []float64{float64(capacity), float64(capacity)}, Mark: plot.Dashed, Colour: "#de2d26"}
	return Picture(plot.LineChart{
		Title:  title,
		XLabel: plot.L("时间（毫秒）", "time (ms)"),
		YLabel: plot.L("队列深度", "queue depth"),
		Series: []plot.Series{depth, limit},
		WholeY: true,
	}.SVG())
}
