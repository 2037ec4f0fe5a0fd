package display_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/concurlab/concurlab/display"
)

// Outside the kernel, displays are printed as plain text.
func ExampleHTML() {
	display.HTML("<b>Threads</b> &amp; processes")
	// Output: Threads & processes
}

func ExampleShow() {
	h := display.Show(display.Bundle{"text/markdown": "**step 1**", "text/plain": "step 1"})
	h.Update(display.Bundle{"text/markdown": "**step 2**", "text/plain": "step 2"})
	// Output:
	// step 1
	// step 2
}

func ExampleJSON() {
	display.JSON(map[string]int{"workers": 4})
	// Output:
	// {
	//   "workers": 4
	// }
}

// A bar chart of counts: the chart is a cell's value, or display.SVG(chart.SVG()) shows it.
func ExampleBars() {
	chart := display.Bars("4 threads × 2000 increments", display.Label("计数", "count"),
		[]string{"expected", "unsafe", "locked"}, []float64{8000, 5212, 8000})
	fmt.Println(strings.Count(chart.SVG(), `class="bar"`), strings.Contains(chart.SVG(), "计数 · count"))
	// Output: 3 true
}

// Before and after a change, side by side.
func ExampleBeforeAfter() {
	chart := display.BeforeAfter("lost updates", "updates", []string{"2 threads", "4 threads"}, []float64{812, 2788}, []float64{0, 0})
	fmt.Println(strings.Count(chart.SVG(), `class="bar"`), strings.Contains(chart.SVG(), "之前 · before"))
	// Output: 4 true
}

// Arrivals against messages processed, per second.
func ExampleLines() {
	arrived := []time.Duration{0, 100 * time.Millisecond, 200 * time.Millisecond, 1500 * time.Millisecond}
	processed := []time.Duration{500 * time.Millisecond, 1000 * time.Millisecond, 1500 * time.Millisecond, 2000 * time.Millisecond}
	chart := display.Lines("a queue", "time (s)", "messages per second",
		display.PerSecond("arrived", arrived, time.Second), display.PerSecond("processed", processed, time.Second))
	fmt.Println(strings.Count(chart.SVG(), `class="series"`))
	// Output: 2
}

// PerSecond turns the moments of events into a rate over time.
func ExamplePerSecond() {
	s := display.PerSecond("arrived", []time.Duration{0, 300 * time.Millisecond, 1200 * time.Millisecond}, time.Second)
	fmt.Println(s.X, s.Y)
	// Output: [0 1 2] [2 1 1]
}

// A histogram of latencies, with the median and the 99th percentile marked.
func ExampleHistogram() {
	latencies := display.Milliseconds([]time.Duration{2 * time.Millisecond, 3 * time.Millisecond, 3 * time.Millisecond, 40 * time.Millisecond})
	chart := display.Histogram("latency", "latency (ms)", latencies, 10)
	fmt.Println(strings.Contains(chart.SVG(), "median 3"))
	// Output: true
}

// Pictures label themselves in both languages unless told otherwise.
func ExampleSetLanguage() {
	fmt.Println(display.Label("加速比", "speed-up"))
	display.SetLanguage(display.English)
	fmt.Println(display.Label("加速比", "speed-up"))
	display.SetLanguage(display.Bilingual)
	// Output:
	// 加速比 · speed-up
	// speed-up
}
