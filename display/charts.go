package display

import (
	"time"

	"github.com/concurlab/concurlab/internal/plot"
)

// Chart is a picture that Bars, BeforeAfter, Lines or Histogram drew: SVG source, plain
// SVG with no script, so that it shows in the notebook and in its HTML export. A Chart that
// is a cell's value shows as a picture; SVG(c.SVG()) shows one from inside a cell.
type Chart string

// SVG returns the chart's SVG source.
func (c Chart) SVG() string { return string(c) }

// String returns the chart's SVG source.
func (c Chart) String() string { return string(c) }

// Language says in which language pictures label themselves: their axes, legends and the
// words they add. Titles and names you give are drawn as you give them (Label makes one in
// both languages).
type Language int

// The languages of the pictures; Bilingual, the default, writes "中文 · English".
const (
	Bilingual Language = iota
	Chinese
	English
)

// String returns "both", "zh" or "en".
func (l Language) String() string { return plot.Language(l).String() }

// SetLanguage sets the language of every picture drawn after it, this package's charts and
// concur's timelines and speed-ups alike. An unknown value is an error and changes nothing.
func SetLanguage(l Language) error { return plot.SetLanguage(plot.Language(l)) }

// Label returns a title or name in the language that SetLanguage set: zh, en, or for
// Bilingual both as "zh · en".
func Label(zh, en string) string { return plot.L(zh, en) }

// Bars draws one vertical bar per value, labelled under it with labels (which may be nil),
// on an axis of round values; valueLabel says what the values are, with their unit, such as
// "count" or "time (ms)".
func Bars(title, valueLabel string, labels []string, values []float64) Chart {
	return Chart(plot.BarChart{Title: title, ValueLabel: valueLabel, Labels: labels,
		Groups: []plot.BarGroup{{Values: values}}}.SVG())
}

// BeforeAfter draws two bars for each label, before and after a change side by side, with a
// legend that tells them apart.
func BeforeAfter(title, valueLabel string, labels []string, before, after []float64) Chart {
	return Chart(plot.BarChart{Title: title, ValueLabel: valueLabel, Labels: labels, Groups: []plot.BarGroup{
		{Name: plot.L("之前", "before"), Values: before},
		{Name: plot.L("之后", "after"), Values: after},
	}}.SVG())
}

// Series is one line of a Lines chart: the points (X[i], Y[i]).
type Series struct {
	Name   string // in the legend; a series without a name is left out of it
	X, Y   []float64
	Dashed bool // a dashed line, as for a limit or a target
	Step   bool // a step line: each value holds until the next X, as a queue's depth does
}

// Lines draws each series as a line on axes that start at 0, xLabel and yLabel saying what
// they measure with their units (say "time (s)" and "messages per second"), and a legend of
// the named series drawn as they are drawn.
func Lines(title, xLabel, yLabel string, series ...Series) Chart {
	chart := plot.LineChart{Title: title, XLabel: xLabel, YLabel: yLabel}
	for _, s := range series {
		mark := plot.Solid
		if s.Dashed {
			mark = plot.Dashed
		}
		chart.Series = append(chart.Series, plot.Series{Name: s.Name, X: s.X, Y: s.Y, Mark: mark, Step: s.Step})
	}
	return Chart(chart.SVG())
}

// Histogram counts values in about bins bins of a round width (20 when bins is 0) and draws
// the counts as bars, with the median and the 99th percentile marked; xLabel says what the
// values are, with their unit, such as "latency (ms)".
func Histogram(title, xLabel string, values []float64, bins int) Chart {
	return Chart(plot.Histogram{Title: title, XLabel: xLabel, Values: values, Bins: bins}.SVG())
}

// Milliseconds returns durations in ms, the values for a Histogram of latencies.
func Milliseconds(durations []time.Duration) []float64 {
	out := make([]float64, len(durations))
	for i, d := range durations {
		out[i] = plot.Ms(d)
	}
	return out
}

// PerSecond counts events, given by when they happened, in bins of width bin (a second when
// bin is not positive) and returns the rate in each bin as a step Series over time in
// seconds: arrivals and departures per second drawn by Lines side by side.
func PerSecond(name string, at []time.Duration, bin time.Duration) Series {
	if bin <= 0 {
		bin = time.Second
	}
	var last time.Duration
	for _, t := range at {
		last = max(last, t)
	}
	counts := make([]float64, last/bin+1)
	for _, t := range at {
		counts[max(t, 0)/bin]++
	}
	s := Series{Name: name, Step: true}
	for i, n := range counts {
		s.X = append(s.X, (time.Duration(i) * bin).Seconds())
		s.Y = append(s.Y, n/bin.Seconds())
	}
	s.X, s.Y = append(s.X, (time.Duration(len(counts))*bin).Seconds()), append(s.Y, counts[len(counts)-1]/bin.Seconds())
	return s
}

// Span is a stretch of time, since the start of its run, that a lane was busy: on a CPU, say.
type Span struct {
	From, To time.Duration
}

// Lane is one row of a Timeline: a goroutine or a worker and its spans.
type Lane struct {
	Name  string
	Spans []Span
}

// Timeline is one run for Timelines: its name, how long it lasted and its lanes.
type Timeline struct {
	Name   string
	Length time.Duration
	Lanes  []Lane
}

// Timelines draws runs one above the other, all to one time scale that the longest fills,
// so that a run of 41 ms is a third as wide as one of 122 ms. Each run is headed by its name
// and length, each lane named and drawn in its own colour. (concur.Timelines draws traces of
// concur's threads the same way.)
func Timelines(title string, runs ...Timeline) Chart {
	chart := plot.LaneChart{Title: title, Columns: 1}
	for _, r := range runs {
		run := plot.LaneRun{Name: r.Name, End: plot.Ms(r.Length),
			Summary: plot.F("%[1]d 行", "%d %s", len(r.Lanes), plot.Plural(len(r.Lanes), "lane"))}
		for i, l := range r.Lanes {
			lane := plot.Lane{Name: l.Name}
			for _, s := range l.Spans {
				lane.Segments = append(lane.Segments, plot.Segment{From: plot.Ms(s.From), To: plot.Ms(s.To), Colour: plot.Colour(i)})
			}
			run.Lanes = append(run.Lanes, lane)
		}
		chart.Runs = append(chart.Runs, run)
	}
	return Chart(chart.SVG())
}
