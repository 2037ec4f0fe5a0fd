package concur

import (
	"fmt"
	"math"
	"time"
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
		out += fmt.Sprintf("\n%-20s %8.1f ms  %5.2fx", name, ms(s.Times[i]), s.Speedup(i))
	}
	return out
}

// SVG draws one bar per way, as long as its speed-up, labelled with its time in ms.
func (s *Speedups) SVG() string {
	title := s.Title
	if title == "" {
		title = "Speed-up against " + firstOr(s.Names, "the first")
	}
	// right leaves room for the longest bar's label, "12.34x (1234.5 ms)".
	const left, right, barHeight, top = 160.0, 150.0, 28.0, 40.0
	width := 720.0
	ways := s.ways()
	height := top + barHeight*float64(len(ways)) + 70
	c := newCanvas(int(width), int(height), title)
	most := 1.0
	for i := range s.Times {
		most = max(most, s.Speedup(i))
	}
	step := niceStep(most, 6)
	most = math.Ceil(most/step-1e-9) * step // the axis ends on a tick past the longest bar
	scale := (width - left - right) / most
	for i, name := range ways {
		y := top + barHeight*float64(i)
		c.text(left-8, y+barHeight/2+4, "end", "", name)
		c.rect(left, y+4, scale*s.Speedup(i), barHeight-8, "#6baed6", `class="bar"`)
		c.text(left+scale*s.Speedup(i)+6, y+barHeight/2+4, "start", "",
			fmt.Sprintf("%.2fx (%.1f ms)", s.Speedup(i), ms(s.Times[i])))
	}
	axisY := top + barHeight*float64(len(ways)) + 4
	c.line(left+scale, top, left+scale, axisY, "#999")
	c.line(left, axisY, width-right, axisY, "#333")
	for v := 0.0; v <= most+1e-9; v += step {
		c.text(left+scale*v, axisY+16, "middle", "", trimFloat(v)+"x")
	}
	c.text((left+width-right)/2, axisY+32, "middle", "", "speed-up (times faster than "+firstOr(s.Names, "the first")+")")
	c.legend(left, height-8, []string{"#6baed6"}, []string{"speed-up; the label gives the time in ms"})
	return c.picture().SVG()
}

func firstOr(names []string, otherwise string) string {
	if len(names) == 0 {
		return otherwise
	}
	return names[0]
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// depthChart draws a queue's depth over time as a step line, with its capacity dashed.
func depthChart(title string, points []DepthPoint, capacity int) Picture {
	const left, right, top, plotHeight = 60.0, 20.0, 40.0, 220.0
	width := 720.0
	c := newCanvas(int(width), int(top+plotHeight+70), title)
	var end time.Duration
	if len(points) > 0 {
		end = points[len(points)-1].At
	}
	end = max(end, time.Millisecond)
	top1 := float64(max(capacity, 1))
	x := func(d time.Duration) float64 { return left + (width-left-right)*float64(d)/float64(end) }
	y := func(depth float64) float64 { return top + plotHeight - plotHeight*depth/top1 }
	path := fmt.Sprintf("M%.1f %.1f", left, y(0))
	for _, p := range points {
		path += fmt.Sprintf(" H%.1f V%.1f", x(p.At), y(float64(p.Depth)))
	}
	fmt.Fprintf(&c.b, `<path class="depth" d="%s" fill="none" stroke="#3182bd" stroke-width="2"/>`, path)
	fmt.Fprintf(&c.b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#de2d26" stroke-dasharray="4 3"/>`,
		left, y(float64(capacity)), width-right, y(float64(capacity)))
	c.line(left, top, left, top+plotHeight, "#333")
	for v := 0.0; v <= top1; v += max(niceStep(top1, 5), 1) { // depths are whole numbers
		c.text(left-6, y(v)+4, "end", "", trimFloat(v))
	}
	c.text(14, top+plotHeight/2, "middle", fmt.Sprintf(`transform="rotate(-90 14 %.1f)"`, top+plotHeight/2), "queue depth")
	c.xAxis(left, width-right, top+plotHeight, ms(end), "time (ms)")
	c.legend(left, top+plotHeight+62, []string{"#3182bd", "#de2d26"}, []string{"messages waiting", "capacity"})
	return c.picture()
}
