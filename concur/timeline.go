package concur

import (
	"fmt"
	"time"

	"github.com/concurlab/concurlab/internal/plot"
)

// state is what a thread is doing, as a timeline colours it.
type state int

// The states of a thread in a timeline; none is before it starts and after it ends.
const (
	none state = iota
	running
	holding
	waiting
	blocked
)

// states gives each state its colour and its name in the legend.
var states = [...]struct{ colour, zh, en string }{
	running: {"#9ecae1", "运行（不持有 GIL）", "running"},
	holding: {"#31a354", "持有 GIL", "holding GIL"},
	waiting: {"#fd8d3c", "等待 GIL", "waiting for GIL"},
	blocked: {"#bdbdbd", "阻塞", "blocked"},
}

// The colours of the message marks: a send points up, a receive down.
const (
	colourSend    = "#de2d26"
	colourReceive = "#3182bd"
)

// segment is a stretch of time a thread spent in one state.
type segment struct {
	from, to time.Duration
	state    state
}

// lane is one thread's row in the timeline.
type lane struct {
	thread   string
	segments []segment
	marks    []Event
}

// lanes turns events into one lane per thread, in the order threads first appear.
func lanes(events []Event, end time.Duration) []*lane {
	var order []*lane
	byThread := map[string]*lane{}
	current := map[string]state{}
	since := map[string]time.Duration{}
	for _, e := range events {
		l, ok := byThread[e.Thread]
		if !ok {
			l = &lane{thread: e.Thread}
			byThread[e.Thread] = l
			order = append(order, l)
			current[e.Thread], since[e.Thread] = running, 0
			if e.Kind == ThreadStart {
				current[e.Thread] = none
			}
		}
		next, changes := stateAfter(e.Kind)
		if !changes {
			if e.Kind == Send || e.Kind == Receive {
				l.marks = append(l.marks, e)
			}
			continue
		}
		if s := current[e.Thread]; s != none && e.At > since[e.Thread] {
			l.segments = append(l.segments, segment{since[e.Thread], e.At, s})
		}
		current[e.Thread], since[e.Thread] = next, e.At
	}
	for _, l := range order {
		if s := current[l.thread]; s != none && end > since[l.thread] {
			l.segments = append(l.segments, segment{since[l.thread], end, s})
		}
	}
	return order
}

// stateAfter returns the state an event of kind k begins, and whether k changes the state at
// all.
func stateAfter(k EventKind) (state, bool) {
	switch k {
	case ThreadStart, GILRelease, Unblock:
		return running, true
	case ThreadEnd:
		return none, true
	case GILWait:
		return waiting, true
	case GILAcquire:
		return holding, true
	case Block:
		return blocked, true
	}
	return none, false
}

// SVG draws the trace as a timeline: one lane per thread, coloured by what the thread did
// over time (running, holding the GIL, waiting for the GIL, blocked), with triangles for
// messages sent and received, a time axis in ms and a legend of what it shows. To compare
// traces on one time scale, draw them together with Timelines or TimelineGrid.
func (t *Trace) SVG() string {
	return string(drawTimelines("", []Run{{Trace: t}}, 1))
}

// Run is one labelled trace in a comparison of timelines, such as "GOMAXPROCS=1".
type Run struct {
	Name  string
	Trace *Trace
}

// Timelines draws the timelines of runs one above the other, all to the same time scale, so
// that a run that took 41 ms is a third as wide as one that took 122 ms. Each run is
// labelled with its name, its length and its threads, each lane with its thread's name; one
// legend lists the states and marks that appear in any of them.
func Timelines(title string, runs ...Run) Picture { return drawTimelines(title, runs, 1) }

// TimelineGrid draws the timelines of runs as small pictures two to a row (four runs make a
// 2×2 grid), all to the same time scale, labelled like Timelines.
func TimelineGrid(title string, runs ...Run) Picture { return drawTimelines(title, runs, 2) }

// timelineRun is a run as drawTimelines lays it out.
type timelineRun struct {
	name    string
	end     time.Duration
	lanes   []*lane
	events  int
	dropped int
}

// layout of timelines: a picture is 900 px wide, cut into columns.
const (
	timelineWidth = 900.0
	timelineGap   = 24.0
)

// drawTimelines draws runs in columns, on one time scale that ends at the longest run.
func drawTimelines(title string, runs []Run, columns int) Picture {
	var laid []timelineRun
	var longest time.Duration
	labelWidth := 60.0
	for i, r := range runs {
		lr := timelineRun{name: r.Name}
		if r.Trace != nil {
			events := r.Trace.Events()
			lr.end = r.Trace.duration() // after the events, so that a running trace draws them all
			lr.lanes, lr.events, lr.dropped = lanes(events, lr.end), len(events), r.Trace.Dropped()
		}
		if lr.name == "" && len(runs) > 1 {
			lr.name = plot.F("第 %d 次", "run %d", i+1)
		}
		longest = max(longest, lr.end)
		for _, l := range lr.lanes {
			labelWidth = max(labelWidth, plot.TextWidth(l.thread, plot.FontSize)+14)
		}
		laid = append(laid, lr)
	}
	labelWidth = min(labelWidth, 200)
	if title == "" && len(laid) == 1 {
		title = laid[0].summary()
		laid[0].name = ""
	}
	columns = max(min(columns, len(laid)), 1)
	cellWidth := (timelineWidth - timelineGap*float64(columns-1)) / float64(columns)
	laneHeight, tickCount := 26.0, 8
	if columns > 1 {
		laneHeight, tickCount = 16, 4
	}
	ticks := plot.NewTicks(0, ms(max(longest, time.Millisecond)), tickCount, false)
	c := plot.New(timelineWidth, 0, title)
	used := map[state]bool{}
	sends, receives := false, false
	y := plot.TitleHeight + 4
	for row := 0; row*columns < len(laid); row++ {
		bottom := y
		for col := range columns {
			i := row*columns + col
			if i >= len(laid) {
				break
			}
			x0 := float64(col) * (cellWidth + timelineGap)
			scale := plot.Scale{Lo: 0, Hi: ticks.Hi(), From: x0 + labelWidth, To: x0 + cellWidth - 12}
			bottom = max(bottom, laid[i].draw(c, scale, ticks, y, laneHeight, used, &sends, &receives))
		}
		y = bottom + 10
	}
	var entries []plot.Entry
	for s := running; s <= blocked; s++ {
		if used[s] {
			entries = append(entries, plot.Entry{Label: plot.L(states[s].zh, states[s].en), Mark: plot.Box, Colour: states[s].colour})
		}
	}
	if sends {
		entries = append(entries, plot.Entry{Label: plot.L("发送消息", "send"), Mark: plot.Up, Colour: colourSend})
	}
	if receives {
		entries = append(entries, plot.Entry{Label: plot.L("接收消息", "receive"), Mark: plot.Down, Colour: colourReceive})
	}
	c.Height = y + 6 + c.Legend(labelWidth, y+6, timelineWidth-12, entries) + 4
	return Picture(c.String())
}

// summary says what a run holds: its threads, events and any it dropped.
func (r timelineRun) summary() string {
	s := plot.F("时间线：%[1]d 个线程，%[3]d 个事件", "Timeline: %d %s, %d %s",
		len(r.lanes), plural(len(r.lanes), "thread"), r.events, plural(r.events, "event"))
	if r.dropped > 0 {
		s += plot.F("（另有 %d 个事件因记录已满而丢弃）", " (%d more dropped: the trace was full)", r.dropped)
	}
	return s
}

// draw draws the run at y on scale, with ticks: a heading, one lane per thread (light grey as far as the
// run lasted) and a time axis. It notes the states and marks it drew and returns its bottom.
func (r timelineRun) draw(c *plot.Canvas, scale plot.Scale, ticks plot.Ticks, y, laneHeight float64,
	used map[state]bool, sends, receives *bool) float64 {
	c.Open("run", fmt.Sprintf(`data-name="%s" data-ms="%.3f"`, plot.Esc(r.name), ms(r.end)))
	if r.name != "" {
		y += 16
		heading := fmt.Sprintf("%s — %s ms", r.name, plot.Short(ms(r.end)))
		c.Text(scale.From, y, "start", `class="run-name" font-weight="bold"`, heading)
		c.Text(scale.To, y, "end", `class="run-summary" fill="#555"`, plot.F("%[1]d 个线程", "%d %s",
			len(r.lanes), plural(len(r.lanes), "thread")))
		y += 6
	}
	x := func(d time.Duration) float64 { return scale.At(ms(min(max(d, 0), r.end))) } // a block begun before the trace starts at 0
	size := ""
	if laneHeight < 20 {
		size = `font-size="10"`
	}
	for _, l := range r.lanes {
		c.Open("lane", fmt.Sprintf(`data-thread="%s"`, plot.Esc(l.thread)))
		c.Text(scale.From-8, y+laneHeight/2+4, "end", size, l.thread)
		c.Rect(scale.From, y+3, x(r.end)-scale.From, laneHeight-6, `fill="#f0f0f0"`)
		for _, s := range l.segments {
			used[s.state] = true
			c.Rect(x(s.from), y+3, max(x(s.to)-x(s.from), 0.5), laneHeight-6, fmt.Sprintf(`fill="%s"`, states[s.state].colour))
		}
		for _, m := range l.marks {
			if m.Kind == Send {
				*sends = true
				c.Triangle(x(m.At), y+laneHeight/2, y+3, colourSend, m.Kind.String()+" "+m.Detail)
			} else {
				*receives = true
				c.Triangle(x(m.At), y+laneHeight/2, y+laneHeight-3, colourReceive, m.Kind.String()+" "+m.Detail)
			}
		}
		c.Close()
		y += laneHeight
	}
	if len(r.lanes) > 0 {
		c.Line(x(r.end), y-laneHeight*float64(len(r.lanes)), x(r.end), y, `class="end" stroke="#333" stroke-dasharray="2 2"`)
	}
	bottom := c.XAxis(scale, y+4, ticks, "", plot.L("时间（毫秒）", "time (ms)"))
	c.Close()
	return bottom
}

// plural returns noun, with an s unless n is 1.
func plural(n int, noun string) string {
	if n == 1 {
		return noun
	}
	return noun + "s"
}
