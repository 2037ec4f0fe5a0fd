package concur

import (
	"fmt"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/concurlab/concurlab/internal/plot"
)

// Scaling records how the time of one batch of work changes with the number of workers, for
// several kinds of workers (threads under a GIL, processes, Go threads), and draws the
// speed-up against the serial time as one line per kind, with the ideal line (n workers, n
// times faster) and a mark at the machine's core count, past which no kind can gain by
// computing. Set Serial, then Add a time for each kind and worker count.
type Scaling struct {
	Title  string
	Serial time.Duration // the time of the batch done serially: speed-up 1
	Cores  int           // where the core count is marked; 0 for runtime.NumCPU()
	kinds  []scalingKind
}

// scalingKind is one line of a Scaling chart.
type scalingKind struct {
	name    string
	workers []int
	times   []time.Duration
}

// Add records that the batch took d on workers workers of the kind called kind ("threads +
// GIL", "processes"), in place of an earlier time for the same kind and count.
func (s *Scaling) Add(kind string, workers int, d time.Duration) {
	i := slices.IndexFunc(s.kinds, func(k scalingKind) bool { return k.name == kind })
	if i < 0 {
		s.kinds = append(s.kinds, scalingKind{name: kind})
		i = len(s.kinds) - 1
	}
	k := &s.kinds[i]
	if j := slices.Index(k.workers, workers); j >= 0 {
		k.times[j] = d
		return
	}
	k.workers, k.times = append(k.workers, workers), append(k.times, d)
}

// Speedup returns how many times faster than serial the kind was with workers workers (the
// time added for them); 0 when there is no such time or a time is not positive.
func (s *Scaling) Speedup(kind string, workers int) float64 {
	for _, k := range s.kinds {
		if k.name != kind {
			continue
		}
		if i := slices.Index(k.workers, workers); i >= 0 && k.times[i] > 0 && s.Serial > 0 {
			return float64(s.Serial) / float64(k.times[i])
		}
	}
	return 0
}

// String lists the serial time and, for each kind and worker count, the time and speed-up.
func (s *Scaling) String() string {
	var b strings.Builder
	b.WriteString(s.Title)
	fmt.Fprintf(&b, "\n%-20s %8.1f ms  %5.2fx", "serial", plot.Ms(s.Serial), 1.0)
	for _, k := range s.kinds {
		for i, n := range k.workers {
			fmt.Fprintf(&b, "\n%-20s %8.1f ms  %5.2fx", fmt.Sprintf("%s ×%d", k.name, n), plot.Ms(k.times[i]), s.Speedup(k.name, n))
		}
	}
	return b.String()
}

// SVG draws the speed-up of each kind against the number of workers.
func (s *Scaling) SVG() string {
	cores := s.Cores
	if cores <= 0 {
		cores = runtime.NumCPU()
	}
	most := 1
	var series []plot.Series
	for _, k := range s.kinds {
		line := plot.Series{Name: k.name, Mark: plot.LineDots}
		order := make([]int, len(k.workers))
		for i := range order {
			order[i] = i
		}
		slices.SortStableFunc(order, func(a, b int) int { return k.workers[a] - k.workers[b] })
		for _, i := range order {
			most = max(most, k.workers[i])
			line.X = append(line.X, float64(k.workers[i]))
			line.Y = append(line.Y, s.Speedup(k.name, k.workers[i]))
		}
		series = append(series, line)
	}
	ideal := plot.Series{Name: plot.L("理想：n 个工作者快 n 倍", "ideal: n workers, n times faster"),
		X: []float64{1, float64(most)}, Y: []float64{1, float64(most)}, Mark: plot.Dashed, Colour: "#969696"}
	return plot.LineChart{
		Title:  s.Title,
		XLabel: plot.L("工作者数", "workers"),
		YLabel: plot.L("加速比（倍，相对于串行）", "speed-up (× serial)"),
		Series: append(series, ideal),
		Rules:  []plot.Rule{{X: float64(cores), Label: plot.F("本机 %d 个核", "%d cores on this machine", cores), Mark: plot.Dotted, Colour: "#252525"}},
		WholeX: true,
	}.SVG()
}
