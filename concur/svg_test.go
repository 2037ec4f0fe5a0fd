package concur

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/concurlab/concurlab/internal/plot"
	"github.com/concurlab/concurlab/internal/plot/plottest"
)

// fakeTrace returns a stopped trace of end that holds events, which are in time order.
func fakeTrace(end time.Duration, events ...Event) *Trace {
	t := &Trace{index: map[string]int32{}, sorted: true, stopped: end}
	for _, e := range events {
		t.add(rawEvent{at: e.At, value: int64(e.Value), kind: e.Kind, thread: t.intern(e.Thread), detail: t.intern(e.Detail)})
	}
	return t
}

// gilRun returns a trace of threads taking turns with one GIL, each holding it for slice,
// for end in all; the first also sends a message the second receives.
func gilRun(threads int, slice, end time.Duration) *Trace {
	var events []Event
	name := func(i int) string { return "Thread-" + strconv.Itoa(i+1) }
	for i := range threads {
		events = append(events, Event{Thread: name(i), Kind: ThreadStart}, Event{Thread: name(i), Kind: GILWait})
	}
	turn := 0
	for at := time.Duration(0); at+slice <= end; at += slice {
		th := name(turn % threads)
		events = append(events, Event{At: at, Thread: th, Kind: GILAcquire}, Event{At: at + slice, Thread: th, Kind: GILRelease})
		if threads > 1 {
			events = append(events, Event{At: at + slice, Thread: th, Kind: GILWait})
		}
		turn++
	}
	if threads > 1 {
		events = append(events, Event{At: slice / 2, Thread: name(0), Kind: Send, Detail: "Mailbox-1"},
			Event{At: slice + slice/2, Thread: name(1), Kind: Receive, Detail: "Mailbox-1"})
	}
	slices.SortStableFunc(events, func(a, b Event) int { return int(a.At - b.At) })
	for i := range threads {
		events = append(events, Event{At: end, Thread: name(i), Kind: ThreadEnd})
	}
	return fakeTrace(end, events...)
}

// blockedRun returns a trace of one thread that sleeps between stretches of running.
func blockedRun(end time.Duration) *Trace {
	return fakeTrace(end,
		Event{Thread: "MainThread", Kind: Block, Detail: "sleep"},
		Event{At: end / 3, Thread: "MainThread", Kind: Unblock, Detail: "sleep"},
		Event{At: end / 2, Thread: "worker <&>", Kind: ThreadStart},
		Event{At: end / 2, Thread: "worker <&>", Kind: Block, Detail: "Queue-1"},
		Event{At: end, Thread: "worker <&>", Kind: Unblock, Detail: "Queue-1"})
}

// inLanguage runs f with the pictures' language set to l.
func inLanguage(t *testing.T, l plot.Language, f func()) {
	t.Helper()
	if err := plot.SetLanguage(l); err != nil {
		t.Fatal(err)
	}
	defer plot.SetLanguage(plot.Both)
	f()
}

func speedupsOfPools() *Speedups {
	s := &Speedups{Title: "CPU-bound: 4 tasks on 2 cores"}
	s.Add("serial", 122*time.Millisecond)
	s.Add("threads + GIL ×4", 124*time.Millisecond)
	s.Add("processes ×4", 64*time.Millisecond)
	s.Add("Go threads ×4", 41*time.Millisecond)
	return s
}

func scalingOfPools() *Scaling {
	s := &Scaling{Title: "CPU-bound: speed-up against workers", Serial: 120 * time.Millisecond, Cores: 2}
	for _, n := range []int{1, 2, 4} {
		s.Add("threads + GIL", n, time.Duration(120+n)*time.Millisecond)
		s.Add("processes", n, 120*time.Millisecond/time.Duration(min(n, 2)))
	}
	return s
}

// Every kind of picture concur draws, against its golden file, with the texts it must show.
func TestGoldenPictures(t *testing.T) {
	var pictures = []struct {
		name     string
		language plot.Language
		draw     func() string
		texts    []string
	}{
		{"timeline", plot.Both, gilRun(2, 10*time.Millisecond, 60*time.Millisecond).SVG,
			[]string{"时间线：2 个线程，26 个事件 · Timeline: 2 threads, 26 events", "Thread-1", "时间（毫秒） · time (ms)",
				"持有 GIL · holding GIL", "等待 GIL · waiting for GIL", "发送消息 · send", "接收消息 · receive"}},
		{"timeline-one-thread-en", plot.English, gilRun(1, 10*time.Millisecond, 30*time.Millisecond).SVG,
			[]string{"Timeline: 1 thread, 9 events", "holding GIL", "time (ms)"}},
		{"timelines-compared", plot.Both, func() string {
			return Timelines("the same work, one core and three", Run{"GOMAXPROCS=1", gilRun(3, 10*time.Millisecond, 120*time.Millisecond)},
				Run{"GOMAXPROCS=3", blockedRun(40 * time.Millisecond)}).SVG()
		}, []string{"GOMAXPROCS=1 — 120 ms", "GOMAXPROCS=3 — 40 ms", "3 个线程 · 3 threads", "worker <&>", "阻塞 · blocked"}},
		{"timeline-grid-zh", plot.Chinese, func() string {
			return TimelineGrid("四种运行", Run{"1", gilRun(1, 10*time.Millisecond, 80*time.Millisecond)},
				Run{"2", gilRun(2, 10*time.Millisecond, 60*time.Millisecond)}, Run{"3", blockedRun(30 * time.Millisecond)},
				Run{Trace: gilRun(4, 5*time.Millisecond, 20*time.Millisecond)}).SVG()
		}, []string{"四种运行", "1 — 80 ms", "第 4 次 — 20 ms", "时间（毫秒）", "持有 GIL", "阻塞"}},
		{"speedups", plot.Both, speedupsOfPools().SVG,
			[]string{"CPU-bound: 4 tasks on 2 cores", "2.98x (41.0 ms)", "加速比（比 serial 快几倍） · speed-up (times faster than serial)", "3x"}},
		{"speedups-en", plot.English, (&Speedups{}).SVG, []string{"Speed-up against the first", "1x: as fast as the first"}},
		{"scaling", plot.Both, scalingOfPools().SVG,
			[]string{"工作者数 · workers", "本机 2 个核 · 2 cores on this machine", "理想：n 个工作者快 n 倍 · ideal: n workers, n times faster", "threads + GIL", "processes"}},
		{"depth", plot.Both, func() string {
			return depthChart("a burst of 5 into a queue of 3", []DepthPoint{{0, 1}, {time.Millisecond, 2}, {2 * time.Millisecond, 3},
				{6 * time.Millisecond, 2}, {10 * time.Millisecond, 1}, {14 * time.Millisecond, 0}}, 3).SVG()
		}, []string{"队列深度 · queue depth", "排队的消息 · messages waiting", "容量 3 · capacity 3"}},
		{"diagram", plot.Both, func() string { return ThreadDiagram(4).SVG() }, []string{"有 4 个线程的进程 · A process with 4 threads", "程序计数器", "program counter", "代码 · code"}},
		{"diagram-one-en", plot.English, func() string { return ThreadDiagram(1).SVG() }, []string{"A process with one thread", "program counter", "shared"}},
	}
	for _, p := range pictures {
		t.Run(p.name, func(t *testing.T) {
			var svg string
			inLanguage(t, p.language, func() { svg = p.draw() })
			doc := plottest.Golden(t, p.name, svg)
			for _, want := range p.texts {
				if !doc.HasText(want) {
					t.Errorf("no text %q in %q", want, doc.Texts())
				}
			}
			plottest.CheckLegend(t, doc)
			width, _ := strconv.ParseFloat(doc.Attrs["width"], 64)
			for _, r := range doc.Named("rect") {
				x, _ := strconv.ParseFloat(r.Attrs["x"], 64)
				w, _ := strconv.ParseFloat(r.Attrs["width"], 64)
				if x < 0 || w < 0 || x+w > width+0.1 {
					t.Errorf("a rect from %.1f, %.1f wide, outside the picture's width %.0f", x, w, width)
				}
			}
		})
	}
}

// Timelines that are compared share one time scale: a lane of a 40 ms run is a third as
// wide as one of a 120 ms run, and both have the same axis.
func TestComparedTimelinesShareTheirScale(t *testing.T) {
	doc := plottest.Parse(t, Timelines("", Run{"long", gilRun(2, 10*time.Millisecond, 120*time.Millisecond)},
		Run{"short", blockedRun(40 * time.Millisecond)}).SVG())
	runs := doc.Class("run")
	if len(runs) != 2 {
		t.Fatalf("%d runs drawn, want 2", len(runs))
	}
	var widths []float64
	var axes [][]string
	for _, r := range runs {
		background := r.Class("lane")[0].Named("rect")[0]
		w, _ := strconv.ParseFloat(background.Attrs["width"], 64)
		widths = append(widths, w)
		axes = append(axes, r.Class("x-axis")[0].Texts())
	}
	if ratio := widths[1] / widths[0]; math.Abs(ratio-1.0/3) > 0.01 {
		t.Errorf("lanes %.1f and %.1f px wide: ratio %.3f, want 1/3 as 40 ms is to 120 ms", widths[0], widths[1], ratio)
	}
	if !slices.Equal(axes[0], axes[1]) {
		t.Errorf("the runs have different axes: %q and %q", axes[0], axes[1])
	}
	if len(doc.Class("lane")) != 4 {
		t.Errorf("%d lanes, want 4: two threads in each run", len(doc.Class("lane")))
	}
}

// A legend lists the states that a timeline shows and no others.
func TestTimelineLegendListsOnlyWhatIsDrawn(t *testing.T) {
	inLanguage(t, plot.English, func() {
		tests := []struct {
			name  string
			trace *Trace
			want  []string
		}{
			{"one thread under a GIL", gilRun(1, 10*time.Millisecond, 30*time.Millisecond), []string{"holding GIL"}},
			{"two threads under a GIL", gilRun(2, 10*time.Millisecond, 30*time.Millisecond),
				[]string{"holding GIL", "waiting for GIL", "send", "receive"}},
			{"sleeping", blockedRun(30 * time.Millisecond), []string{"running", "blocked"}},
			{"nothing", fakeTrace(time.Millisecond), nil},
		}
		for _, tt := range tests {
			var labels []string
			for _, e := range plottest.Parse(t, tt.trace.SVG()).Legend() {
				labels = append(labels, e.Label)
			}
			if !slices.Equal(labels, tt.want) {
				t.Errorf("%s: legend %q, want %q", tt.name, labels, tt.want)
			}
		}
	})
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
	doc := plottest.Parse(t, svg)
	if n := len(doc.Class("lane")); n != 3 { // MainThread joined, and the two threads
		t.Errorf("%d lanes, want 3", n)
	}
	for _, want := range []string{"MainThread", "sender <&>", "receiver"} {
		if !doc.HasText(want) {
			t.Errorf("timeline lacks the lane %q", want)
		}
	}
	plottest.CheckLegend(t, doc)
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
		"speed-ups":      {s.SVG(), "bar", 3},
		"queue depth":    {q.DepthChart("depth").SVG(), "series", 2},
		"thread diagram": {ThreadDiagram(3).SVG(), "thread", 3},
		"single thread":  {ThreadDiagram(0).SVG(), "shared", 3},
		"scaling":        {scalingOfPools().SVG(), "series", 3},
	}
	for name, p := range pictures {
		if got := len(plottest.Parse(t, p.svg).Class(p.class)); got != p.want {
			t.Errorf("%s: %d of class %s, want %d", name, got, p.class, p.want)
		}
	}
}

func TestScalingSpeedups(t *testing.T) {
	s := scalingOfPools()
	s.Add("processes", 4, 30*time.Millisecond) // a second measurement replaces the first
	tests := []struct {
		kind    string
		workers int
		want    float64
	}{{"processes", 2, 2}, {"processes", 4, 4}, {"threads + GIL", 1, 120.0 / 121}, {"processes", 3, 0}, {"nothing", 1, 0}}
	for _, tt := range tests {
		if got := s.Speedup(tt.kind, tt.workers); math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("Speedup(%q, %d) = %v, want %v", tt.kind, tt.workers, got, tt.want)
		}
	}
	if !strings.Contains(s.String(), "processes ×4             30.0 ms   4.00x") {
		t.Errorf("String() =\n%s", s)
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

// The speed-up chart's axis reaches past its longest bar, and every label fits the picture.
func TestSpeedupLabelsFitThePicture(t *testing.T) {
	s := &Speedups{}
	s.Add("serial", 68*time.Millisecond)
	s.Add("process pool", 33*time.Millisecond)
	s.Add("much faster", 5*time.Millisecond)
	doc := plottest.Parse(t, s.SVG())
	width, _ := strconv.ParseFloat(doc.Attrs["width"], 64)
	for _, text := range doc.Named("text") {
		x, _ := strconv.ParseFloat(text.Attrs["x"], 64)
		if x+plot.TextWidth(text.Text, plot.FontSize) > width && strings.Contains(text.Text, "ms)") {
			t.Errorf("label %q at x=%.0f runs past the width %.0f", text.Text, x, width)
		}
	}
	ticks := doc.Class("x-axis")[0].Class("tick")
	if last := ticks[len(ticks)-1].Text; last != "15x" {
		t.Errorf("axis ticks end at %s, want 15x, past the longest bar (13.6x)", last)
	}
}

func TestTimelineBegunDuringABlockStaysInside(t *testing.T) {
	sleeping := make(chan struct{})
	sleeper := Go(func() { close(sleeping); Sleep(20 * time.Millisecond) })
	<-sleeping
	time.Sleep(5 * time.Millisecond) // the sleep began before the trace
	tr := StartTrace()
	sleeper.Join()
	tr.Stop()
	doc := plottest.Parse(t, tr.SVG())
	for _, lane := range doc.Class("lane") {
		rects := lane.Named("rect")
		from, _ := strconv.ParseFloat(rects[0].Attrs["x"], 64)
		w, _ := strconv.ParseFloat(rects[0].Attrs["width"], 64)
		for _, r := range rects[1:] {
			x, _ := strconv.ParseFloat(r.Attrs["x"], 64)
			rw, _ := strconv.ParseFloat(r.Attrs["width"], 64)
			if x < from-0.1 || x+rw > from+w+0.6 {
				t.Errorf("a segment from %.1f, %.1f wide, outside its lane [%.1f, %.1f]", x, rw, from, from+w)
			}
		}
	}
}

func TestSpeedupsWithATimeMissing(t *testing.T) {
	mismatched := &Speedups{Names: []string{"serial", "negative", "no time"},
		Times: []time.Duration{10 * time.Millisecond, -5 * time.Millisecond}}
	if !strings.Contains(mismatched.String(), "negative") || strings.Contains(mismatched.String(), "no time") {
		t.Errorf("String = %q", mismatched.String())
	}
	doc := plottest.Parse(t, mismatched.SVG())
	if bars := doc.Class("bar"); len(bars) != 2 || bars[1].Attrs["width"] != "0" {
		t.Errorf("want two bars, the second empty: %v", bars)
	}
}

// The depth axis has whole depths, evenly spaced, for every capacity.
func TestDepthChartTicksAreWholeDepthsInPlace(t *testing.T) {
	for capacity := 1; capacity <= 7; capacity++ {
		ticks := plottest.Parse(t, depthChart("", nil, capacity).SVG()).Class("y-axis")[0].Class("tick")
		if len(ticks) < 2 {
			t.Fatalf("capacity %d: %d ticks", capacity, len(ticks))
		}
		var ys []float64
		for _, tick := range ticks {
			depth, err := strconv.Atoi(tick.Text)
			y, _ := strconv.ParseFloat(tick.Attrs["y"], 64)
			ys = append(ys, y)
			if err != nil || depth < 0 {
				t.Errorf("capacity %d: tick %q is not a whole depth", capacity, tick.Text)
			}
		}
		if last, _ := strconv.Atoi(ticks[len(ticks)-1].Text); last < capacity {
			t.Errorf("capacity %d: the axis ends at %d", capacity, last)
		}
		for i := 2; i < len(ys); i++ {
			if math.Abs((ys[i]-ys[i-1])-(ys[1]-ys[0])) > 0.15 {
				t.Errorf("capacity %d: ticks at %v are not evenly spaced", capacity, ys)
			}
		}
	}
}

func TestSVGOfAnyName(t *testing.T) {
	for _, name := range []string{"bell\a", "nul\x00", "bad \xff utf-8", "\uFFFE", "<&>\"'"} {
		s := &Speedups{Title: name}
		s.Add(name, time.Millisecond)
		plottest.Parse(t, s.SVG())
		plottest.Parse(t, Timelines(name, Run{Name: name, Trace: fakeTrace(time.Millisecond, Event{Thread: name, Kind: ThreadStart})}).SVG())
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
