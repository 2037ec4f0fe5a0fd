package display

import (
	"math"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/concurlab/concurlab/internal/plot/plottest"
)

// inLanguage runs f with the pictures' language set to l.
func inLanguage(t *testing.T, l Language, f func()) {
	t.Helper()
	if err := SetLanguage(l); err != nil {
		t.Fatal(err)
	}
	defer SetLanguage(Bilingual)
	f()
}

// countdown returns n, n-1, ..., 1 with its middle reversed: a half-sorted list.
func halfSorted(n int) []float64 {
	values := make([]float64, n)
	for i := range values {
		values[i] = float64(n - i)
	}
	slices.Reverse(values[n/4 : 3*n/4])
	return values
}

// latencies returns n latencies in ms, most near 2 and a few near 20.
func latencies(n int) []float64 {
	values := make([]float64, n)
	for i := range values {
		values[i] = 1.5 + float64(i%7)*0.2
		if i%50 == 0 {
			values[i] = 18 + float64(i%3)
		}
	}
	return values
}

// Every kind of chart against its golden file, with the texts it must show and a legend
// whose every entry is drawn as it is drawn in the chart.
func TestGoldenCharts(t *testing.T) {
	arrivals := []time.Duration{0, 100 * time.Millisecond, 200 * time.Millisecond, 300 * time.Millisecond,
		1100 * time.Millisecond, 1200 * time.Millisecond, 2500 * time.Millisecond}
	processed := []time.Duration{500 * time.Millisecond, 1000 * time.Millisecond, 1500 * time.Millisecond,
		2000 * time.Millisecond, 2500 * time.Millisecond, 3000 * time.Millisecond}
	charts := []struct {
		name     string
		language Language
		draw     func() Chart
		texts    []string
		legend   []string
	}{
		{"bars", Bilingual, func() Chart {
			return Bars("4 threads × 2000 increments", Label("计数", "count"),
				[]string{"expected", "unsafe", "our lock", "LockedInc", "AtomicInc"}, []float64{8000, 5212, 8000, 8000, 8000})
		}, []string{"计数 · count", "5212", "AtomicInc", "8000"}, nil},
		{"bars-many-unlabelled", Bilingual, func() Chart { return Bars("what the reader saw", "value", nil, halfSorted(120)) },
			[]string{"what the reader saw", "value", "150"}, nil},
		{"bars-mismatched-en", English, func() Chart {
			return Bars("three labels, four values", "ms", []string{"a", "b", "c"}, []float64{1, 2, math.NaN(), 4})
		}, []string{"1 values are not finite numbers and are not drawn", "4 values for 3 labels", "c"}, nil},
		{"before-after", Bilingual, func() Chart {
			return BeforeAfter("lost updates", Label("丢失的更新", "lost updates"), []string{"unsafe", "with a lock"}, []float64{2788, 0}, []float64{2788, 0})
		}, []string{"丢失的更新 · lost updates", "unsafe", "with a lock"}, []string{"之前 · before", "之后 · after"}},
		{"lines", Bilingual, func() Chart {
			return Lines(Label("到达与处理", "arrivals and processed"), Label("时间（秒）", "time (s)"), Label("每秒消息数", "messages per second"),
				PerSecond("arrivals", arrivals, time.Second), PerSecond("processed", processed, time.Second),
				Series{Name: "capacity", X: []float64{0, 4}, Y: []float64{3, 3}, Dashed: true})
		}, []string{"到达与处理 · arrivals and processed", "时间（秒） · time (s)", "每秒消息数 · messages per second"},
			[]string{"arrivals", "processed", "capacity"}},
		{"lines-mismatched-zh", Chinese, func() Chart {
			return Lines("不成对", "x", "y", Series{Name: "a", X: []float64{0, 1, 2}, Y: []float64{1, 2}}, Series{X: []float64{0, 2}, Y: []float64{2, 0}})
		}, []string{"a: 3 个 x 值，2 个 y 值；只画出成对的"}, []string{"a"}},
		{"histogram", Bilingual, func() Chart { return Histogram("latency of 500 requests", "latency (ms)", latencies(500), 0) },
			[]string{"latency (ms)", "次数 · count"}, []string{"中位数 · median 2.1", "第 99 百分位 · 99th percentile 19"}},
		{"timelines", Bilingual, func() Chart { return Timelines("one core, then two", slicedRuns()...) },
			[]string{"GOMAXPROCS=1 — 120 ms", "GOMAXPROCS=2 — 40 ms", "goroutine 1", "2 行 · 2 lanes", "时间（毫秒） · time (ms)"}, nil},
		{"histogram-empty-en", English, func() Chart { return Histogram("nothing", "ms", nil, 5) }, []string{"no values"}, nil},
	}
	for _, c := range charts {
		t.Run(c.name, func(t *testing.T) {
			var chart Chart
			inLanguage(t, c.language, func() { chart = c.draw() })
			doc := plottest.Golden(t, c.name, chart.SVG())
			for _, want := range c.texts {
				if !doc.HasText(want) {
					t.Errorf("no text %q in %q", want, doc.Texts())
				}
			}
			var legend []string
			for _, e := range doc.Legend() {
				legend = append(legend, e.Label)
			}
			if !slices.Equal(legend, c.legend) {
				t.Errorf("legend %q, want %q", legend, c.legend)
			}
			plottest.CheckLegend(t, doc)
		})
	}
}

// A bar is as tall as its value on the axis's scale.
func TestBarsAreToScale(t *testing.T) {
	doc := plottest.Parse(t, Bars("", "", []string{"a", "b", "c"}, []float64{10, 25, 40}).SVG())
	var heights []float64
	for _, bar := range doc.Class("bar") {
		h, _ := strconv.ParseFloat(bar.Attrs["height"], 64)
		heights = append(heights, h)
	}
	ticks := doc.Class("y-axis")[0].Class("tick")
	top, _ := strconv.ParseFloat(ticks[len(ticks)-1].Text, 64)
	if top != 40 || len(heights) != 3 {
		t.Fatalf("axis to %v, %d bars", top, len(heights))
	}
	for i, want := range []float64{10, 25, 40} {
		if math.Abs(heights[i]/heights[2]-want/40) > 0.01 {
			t.Errorf("bar %d is %.1f px against %.1f for 40, want the ratio %.2f", i, heights[i], heights[2], want/40)
		}
	}
}

func TestPerSecond(t *testing.T) {
	s := PerSecond("events", []time.Duration{0, 200 * time.Millisecond, 1500 * time.Millisecond, -time.Second}, 500*time.Millisecond)
	wantX, wantY := []float64{0, 0.5, 1, 1.5, 2}, []float64{6, 0, 0, 2, 2}
	if !slices.Equal(s.X, wantX) || !slices.Equal(s.Y, wantY) || !s.Step {
		t.Errorf("X %v Y %v, want %v %v as a step line", s.X, s.Y, wantX, wantY)
	}
}

func TestLanguage(t *testing.T) {
	tests := []struct {
		language Language
		want     string
	}{{Bilingual, "加速比 · speed-up"}, {Chinese, "加速比"}, {English, "speed-up"}}
	for _, tt := range tests {
		inLanguage(t, tt.language, func() {
			if got := Label("加速比", "speed-up"); got != tt.want {
				t.Errorf("%v: Label = %q, want %q", tt.language, got, tt.want)
			}
		})
	}
	if err := SetLanguage(Language(7)); err == nil || Label("中", "en") != "中 · en" {
		t.Errorf("SetLanguage(7) = %v, and the language is now %q", err, Label("中", "en"))
	}
	if got := Label("", "only English"); got != "only English" {
		t.Errorf("Label with no Chinese = %q", got)
	}
}

// slicedRuns returns two goroutines taking turns on one core for 120 ms, and the same two on
// two cores at once for 40 ms.
func slicedRuns() []Timeline {
	var one [2]Lane
	for i := range one {
		one[i].Name = "goroutine " + strconv.Itoa(i+1)
	}
	for at := time.Duration(0); at < 120*time.Millisecond; at += 10 * time.Millisecond {
		lane := &one[int(at/(10*time.Millisecond))%2]
		lane.Spans = append(lane.Spans, Span{at, at + 10*time.Millisecond})
	}
	two := []Lane{{"goroutine 1", []Span{{0, 40 * time.Millisecond}}}, {"goroutine 2", []Span{{0, 39 * time.Millisecond}}}}
	return []Timeline{{"GOMAXPROCS=1", 120 * time.Millisecond, one[:]}, {"GOMAXPROCS=2", 40 * time.Millisecond, two}}
}

// Runs are drawn to one scale: the 40 ms run's lanes are a third as wide as the 120 ms run's.
func TestTimelinesShareTheirScale(t *testing.T) {
	doc := plottest.Parse(t, Timelines("", slicedRuns()...).SVG())
	var widths []float64
	for _, run := range doc.Class("run") {
		w, _ := strconv.ParseFloat(run.Class("lane")[0].Named("rect")[0].Attrs["width"], 64)
		widths = append(widths, w)
	}
	if len(widths) != 2 || math.Abs(widths[1]/widths[0]-1.0/3) > 0.01 {
		t.Errorf("lane widths %v, want the second a third of the first", widths)
	}
}
