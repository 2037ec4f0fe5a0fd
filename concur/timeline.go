package concur

import (
	"fmt"
	"time"
)

// The colours of a thread's states in a timeline.
const (
	colourRunning = "#9ecae1" // running without a GIL
	colourHolding = "#31a354" // holding a GIL
	colourWaiting = "#fd8d3c" // waiting for a GIL
	colourBlocked = "#bdbdbd" // blocked: sleeping, waiting for a message, lock or result
	colourSend    = "#de2d26"
	colourReceive = "#3182bd"
)

// segment is a stretch of time a thread spent in one state.
type segment struct {
	from, to time.Duration
	colour   string
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
	state := map[string]string{}
	since := map[string]time.Duration{}
	for _, e := range events {
		l, ok := byThread[e.Thread]
		if !ok {
			l = &lane{thread: e.Thread}
			byThread[e.Thread] = l
			order = append(order, l)
			state[e.Thread], since[e.Thread] = colourRunning, 0
			if e.Kind == ThreadStart {
				state[e.Thread] = ""
			}
		}
		next, changes := stateAfter(e.Kind)
		if !changes {
			if e.Kind == Send || e.Kind == Receive {
				l.marks = append(l.marks, e)
			}
			continue
		}
		if s := state[e.Thread]; s != "" && e.At > since[e.Thread] {
			l.segments = append(l.segments, segment{since[e.Thread], e.At, s})
		}
		state[e.Thread], since[e.Thread] = next, e.At
	}
	for _, l := range order {
		if s := state[l.thread]; s != "" && end > since[l.thread] {
			l.segments = append(l.segments, segment{since[l.thread], end, s})
		}
	}
	return order
}

// stateAfter returns the colour of the state an event of kind k begins ("" for none), and
// whether k changes the state at all.
func stateAfter(k EventKind) (string, bool) {
	switch k {
	case ThreadStart, GILRelease, Unblock:
		return colourRunning, true
	case ThreadEnd:
		return "", true
	case GILWait:
		return colourWaiting, true
	case GILAcquire:
		return colourHolding, true
	case Block:
		return colourBlocked, true
	}
	return "", false
}

// SVG draws the trace as a timeline: one lane per thread, coloured by what the thread did
// over time (running, holding the GIL, waiting for the GIL, blocked), with triangles for
// messages sent and received, a time axis in ms and a legend.
func (t *Trace) SVG() string {
	events := t.Events()
	end := t.duration() // after the events, so that a running trace draws them all
	ls := lanes(events, end)
	const left, right, laneHeight, top = 130.0, 20.0, 26.0, 40.0
	width := 900.0
	height := top + laneHeight*float64(len(ls)) + 70
	title := fmt.Sprintf("Timeline: %d threads, %d events", len(ls), len(events))
	if dropped := t.Dropped(); dropped > 0 {
		title += fmt.Sprintf(" (%d more dropped: the trace was full)", dropped)
	}
	c := newCanvas(int(width), int(height), title)
	ms := float64(end) / float64(time.Millisecond)
	x := func(d time.Duration) float64 { // a block that began before the trace starts at 0
		return left + (width-left-right)*float64(min(max(d, 0), end))/float64(max(end, 1))
	}
	for i, l := range ls {
		y := top + laneHeight*float64(i)
		fmt.Fprintf(&c.b, `<g class="lane" data-thread="%s">`, esc(l.thread))
		c.text(left-8, y+laneHeight/2+4, "end", "", l.thread)
		c.rect(left, y+3, width-left-right, laneHeight-6, "#f7f7f7", "")
		for _, s := range l.segments {
			c.rect(x(s.from), y+3, max(x(s.to)-x(s.from), 0.5), laneHeight-6, s.colour, "")
		}
		for _, m := range l.marks {
			mx, colour, tip := x(m.At), colourReceive, y+laneHeight-3
			if m.Kind == Send {
				colour, tip = colourSend, y+3
			}
			fmt.Fprintf(&c.b, `<path d="M%.1f %.1f L%.1f %.1f L%.1f %.1f Z" fill="%s"><title>%s %s</title></path>`,
				mx-4, y+laneHeight/2, mx+4, y+laneHeight/2, mx, tip, colour, m.Kind, esc(m.Detail))
		}
		c.raw("</g>")
	}
	axisY := top + laneHeight*float64(len(ls)) + 4
	c.xAxis(left, width-right, axisY, ms, "time (ms)")
	c.legend(left, height-8,
		[]string{colourRunning, colourHolding, colourWaiting, colourBlocked, colourSend, colourReceive},
		[]string{"running", "holding GIL", "waiting for GIL", "blocked", "send", "receive"})
	return c.picture().SVG()
}
