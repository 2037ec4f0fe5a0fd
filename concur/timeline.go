package concur

import (
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

// drawTimelines draws runs in columns, on one time scale that the longest run fills, with a
// legend of the states and marks that appear in any of them.
func drawTimelines(title string, runs []Run, columns int) Picture {
	chart := plot.LaneChart{Title: title, Columns: columns}
	used := map[state]bool{}
	marks := map[EventKind]bool{}
	for i, r := range runs {
		var ls []*lane
		var end time.Duration
		events, dropped := []Event(nil), 0
		if r.Trace != nil {
			events = r.Trace.Events()
			end = r.Trace.duration() // after the events, so that a running trace draws them all
			ls, dropped = lanes(events, end), r.Trace.Dropped()
		}
		run := plot.LaneRun{Name: r.Name, End: plot.Ms(end), Summary: plot.F("%[1]d 个线程", "%d %s", len(ls), plot.Plural(len(ls), "thread"))}
		if run.Name == "" && len(runs) > 1 {
			run.Name = plot.F("第 %d 次", "run %d", i+1)
		}
		if title == "" && len(runs) == 1 {
			chart.Title = summary(len(ls), len(events), dropped)
		}
		for _, l := range ls {
			pl := plot.Lane{Name: l.thread}
			for _, s := range l.segments {
				used[s.state] = true
				pl.Segments = append(pl.Segments, plot.Segment{From: plot.Ms(s.from), To: plot.Ms(s.to), Colour: states[s.state].colour})
			}
			for _, m := range l.marks {
				marks[m.Kind] = true
				marker := plot.Marker{At: plot.Ms(m.At), Mark: plot.Down, Colour: colourReceive, Tooltip: m.Kind.String() + " " + m.Detail}
				if m.Kind == Send {
					marker.Mark, marker.Colour = plot.Up, colourSend
				}
				pl.Markers = append(pl.Markers, marker)
			}
			run.Lanes = append(run.Lanes, pl)
		}
		chart.Runs = append(chart.Runs, run)
	}
	for s := running; s <= blocked; s++ {
		if used[s] {
			chart.Legend = append(chart.Legend, plot.Entry{Label: plot.L(states[s].zh, states[s].en), Mark: plot.Box, Colour: states[s].colour})
		}
	}
	if marks[Send] {
		chart.Legend = append(chart.Legend, plot.Entry{Label: plot.L("发送消息", "send"), Mark: plot.Up, Colour: colourSend})
	}
	if marks[Receive] {
		chart.Legend = append(chart.Legend, plot.Entry{Label: plot.L("接收消息", "receive"), Mark: plot.Down, Colour: colourReceive})
	}
	return Picture(chart.SVG())
}

// summary says what a trace holds: its threads, events and any it dropped.
func summary(threads, events, dropped int) string {
	s := plot.F("时间线：%[1]d 个线程，%[3]d 个事件", "Timeline: %d %s, %d %s",
		threads, plot.Plural(threads, "thread"), events, plot.Plural(events, "event"))
	if dropped > 0 {
		s += plot.F("（另有 %d 个事件因记录已满而丢弃）", " (%d more dropped: the trace was full)", dropped)
	}
	return s
}
