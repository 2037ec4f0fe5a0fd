package concur

import (
	"encoding/xml"
	"math"
	"strconv"
	"strings"
	"testing"
	"time"
)

// svgElements parses svg as XML and counts its elements by name and class.
func svgElements(t *testing.T, svg string) map[string]int {
	t.Helper()
	counts := map[string]int{}
	d := xml.NewDecoder(strings.NewReader(svg))
	for {
		tok, err := d.Token()
		if err != nil {
			if err.Error() == "EOF" {
				return counts
			}
			t.Fatalf("not well-formed XML: %v\n%s", err, svg)
		}
		if se, ok := tok.(xml.StartElement); ok {
			counts[se.Name.Local]++
			for _, a := range se.Attr {
				if a.Name.Local == "class" {
					counts["."+a.Value]++
				}
			}
		}
	}
}

func TestTraceTimelineHasOneLanePerThread(t *testing.T) {
	tr := StartTrace()
	g := NewGIL(time.Millisecond)
	m := NewMailbox(0)
	a := g.GoNamed("sender <&>", func() { CPUWork(200); m.Send(1) })
	b := g.GoNamed("receiver", func() { m.Receive(); IOWork(time.Millisecond) })
	a.Join()
	b.Join()
	tr.Stop()
	svg := tr.SVG()
	counts := svgElements(t, svg)
	if counts[".lane"] != 3 { // MainThread joined, and the two threads
		t.Errorf("%d lanes, want 3", counts[".lane"])
	}
	for _, want := range []string{colourHolding, colourBlocked, "time (ms)", "waiting for GIL", "MainThread"} {
		if !strings.Contains(svg, want) {
			t.Errorf("timeline lacks %q", want)
		}
	}
	if tr.Len() == 0 || Picture(svg).String() != svg {
		t.Error("empty trace")
	}
}

func TestCharts(t *testing.T) {
	s := &Speedups{}
	s.Add("serial", 100*time.Millisecond)
	s.Add("threads + GIL", 100*time.Millisecond)
	s.Add("processes", 50*time.Millisecond)
	if s.Speedup(2) != 2 || s.Speedup(7) != 0 || !strings.Contains(s.String(), "2.00x") {
		t.Errorf("speed-ups %v", s)
	}
	q := NewQueue(3)
	q.Put(1)
	q.Put(2)
	q.Get()
	pictures := map[string]struct {
		svg   string
		class string
		want  int
	}{
		"speed-ups":      {s.SVG(), ".bar", 3},
		"queue depth":    {q.DepthChart("depth").SVG(), ".depth", 1},
		"thread diagram": {ThreadDiagram(3).SVG(), ".thread", 3},
		"single thread":  {ThreadDiagram(0).SVG(), ".shared", 3},
	}
	for name, p := range pictures {
		if got := svgElements(t, p.svg)[p.class]; got != p.want {
			t.Errorf("%s: %d %s, want %d", name, got, p.class, p.want)
		}
	}
}

func TestTraceDropsEventsPastItsLimit(t *testing.T) {
	tr := StartTrace()
	defer tr.Stop()
	tr.mu.Lock()
	tr.add(make([]rawEvent, maxTraceEvents-1)...)
	tr.mu.Unlock()
	m := NewMailbox(1)
	m.TrySend(1)
	m.TryReceive()
	tr.recordSpan(mainThread, Block, Unblock, "test", tr.clock(), tr.clock())
	if tr.Len() != maxTraceEvents || tr.Dropped() != 3 {
		t.Errorf("kept %d, dropped %d", tr.Len(), tr.Dropped())
	}
	if !strings.Contains(tr.SVG(), "3 more dropped") {
		t.Error("timeline does not say events were dropped")
	}
}

// The speed-up chart's axis reaches past its longest bar, and every label fits the picture
// (text is taken as 7.5 px a character, a generous width for the chart's 13 px font).
func TestSpeedupLabelsFitThePicture(t *testing.T) {
	s := &Speedups{}
	s.Add("serial", 68*time.Millisecond)
	s.Add("process pool", 33*time.Millisecond)
	s.Add("much faster", 5*time.Millisecond)
	var svg struct {
		Width float64 `xml:"width,attr"`
		Texts []struct {
			X    float64 `xml:"x,attr"`
			Text string  `xml:",chardata"`
		} `xml:"text"`
	}
	if err := xml.Unmarshal([]byte(s.SVG()), &svg); err != nil {
		t.Fatal(err)
	}
	var ticks []string
	for _, text := range svg.Texts {
		if strings.HasSuffix(text.Text, "x") {
			ticks = append(ticks, text.Text)
		}
		if text.X+7.5*float64(len(text.Text)) > svg.Width && strings.Contains(text.Text, "ms)") {
			t.Errorf("label %q at x=%.0f runs past the width %.0f", text.Text, text.X, svg.Width)
		}
	}
	if len(ticks) == 0 || ticks[len(ticks)-1] != "14x" {
		t.Errorf("axis ticks %v, want them to end at 14x, past the longest bar (13.6x)", ticks)
	}
}

// rects returns the x, width pairs of the rect elements of svg.
func rects(t *testing.T, svg string) [][2]float64 {
	t.Helper()
	var doc struct {
		Rects []struct {
			X     float64 `xml:"x,attr"`
			Width float64 `xml:"width,attr"`
		} `xml:"rect"`
		Groups []struct {
			Rects []struct {
				X     float64 `xml:"x,attr"`
				Width float64 `xml:"width,attr"`
			} `xml:"rect"`
		} `xml:"g"`
	}
	if err := xml.Unmarshal([]byte(svg), &doc); err != nil {
		t.Fatal(err)
	}
	var out [][2]float64
	for _, r := range doc.Rects {
		out = append(out, [2]float64{r.X, r.Width})
	}
	for _, g := range doc.Groups {
		for _, r := range g.Rects {
			out = append(out, [2]float64{r.X, r.Width})
		}
	}
	return out
}

func TestPicturesStayInsideTheirWidth(t *testing.T) {
	sleeping := make(chan struct{})
	sleeper := Go(func() { close(sleeping); Sleep(20 * time.Millisecond) })
	<-sleeping
	time.Sleep(5 * time.Millisecond) // the sleep began before the trace
	tr := StartTrace()
	sleeper.Join()
	tr.Stop()
	mismatched := &Speedups{Names: []string{"serial", "negative", "no time"},
		Times: []time.Duration{10 * time.Millisecond, -5 * time.Millisecond}}
	if !strings.Contains(mismatched.String(), "negative") {
		t.Errorf("String = %q", mismatched.String())
	}
	pictures := map[string]struct {
		svg         string
		left, right float64 // where the bars may be
	}{
		"timeline begun during a block": {tr.SVG(), 130, 880},
		"speed-ups with a time missing": {mismatched.SVG(), 160, 570},
	}
	for name, p := range pictures {
		for _, r := range rects(t, p.svg)[1:] { // the first is the background
			if r[1] < 0 || r[0] < 0 || (r[1] > 12 && (r[0] < p.left-0.1 || r[0]+r[1] > p.right+0.6)) {
				t.Errorf("%s: a rect from %.1f, %.1f wide, outside [%v, %v]", name, r[0], r[1], p.left, p.right)
			}
		}
	}
}

func TestDepthChartTicksAreWholeDepthsInPlace(t *testing.T) {
	for capacity := 1; capacity <= 7; capacity++ {
		var svg struct {
			Texts []struct {
				X    float64 `xml:"x,attr"`
				Y    float64 `xml:"y,attr"`
				Text string  `xml:",chardata"`
			} `xml:"text"`
		}
		if err := xml.Unmarshal([]byte(depthChart("", nil, capacity)), &svg); err != nil {
			t.Fatal(err)
		}
		ticks := 0
		for _, text := range svg.Texts {
			if text.X != 54 { // the depth axis's labels, right-aligned at left-6
				continue
			}
			ticks++
			depth, err := strconv.Atoi(text.Text)
			if want := 40 + 220 - 220*float64(depth)/float64(capacity) + 4; err != nil || math.Abs(text.Y-want) > 0.06 {
				t.Errorf("capacity %d: tick %q at y=%.1f, want a whole depth at %.1f", capacity, text.Text, text.Y, want)
			}
		}
		if ticks < 2 {
			t.Errorf("capacity %d: %d ticks", capacity, ticks)
		}
	}
}

func TestSVGOfAnyName(t *testing.T) {
	for _, name := range []string{"bell\a", "nul\x00", "bad \xff utf-8", "\uFFFE", "<&>\"'"} {
		s := &Speedups{Title: name}
		s.Add(name, time.Millisecond)
		svgElements(t, s.SVG())
	}
}

// A block that outlasts its trace is not recorded into the stopped trace.
func TestBlockAcrossAStopIsNotRecorded(t *testing.T) {
	tr := StartTrace()
	m := NewMailbox(0)
	received := make(chan struct{})
	go func() {
		m.Receive()
		close(received)
	}()
	time.Sleep(30 * time.Millisecond) // the receiver blocks, longer than a traced block
	tr.Stop()
	kept := tr.Len()
	m.Send(1)
	<-received
	if tr.Len() != kept {
		t.Errorf("the stopped trace went from %d to %d events", kept, tr.Len())
	}
}
