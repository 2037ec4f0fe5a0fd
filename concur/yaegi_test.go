package concur_test

import (
	"testing"

	"github.com/concurlab/concurlab/kernel/eval/symbols"
	"github.com/traefik/yaegi/interp"
	"github.com/traefik/yaegi/stdlib"
)

func TestCellsThroughYaegi(t *testing.T) {
	i := interp.New(interp.Options{})
	if err := i.Use(stdlib.Symbols); err != nil {
		t.Fatal(err)
	}
	if err := i.Use(symbols.Exports()); err != nil {
		t.Fatal(err)
	}
	cells := []struct {
		code string
		want any
	}{
		{`import "concur"`, nil},
		{`p := concur.NewThreadPool(2)`, nil},
		{`squares, err := p.Map(func(x int) int { return x * x }, []int{1, 2, 3})`, nil},
		{`squares[2]`, 9},
		{`m := concur.NewMailbox(0)`, nil},
		// Threads end within their cell: yaegi races with itself when an interpreted callback
		// runs during a later Eval.
		{`th := concur.GoNamed("pinger", func() { m.Send(concur.Current().Name()) }); v, _ := m.Receive(); th.Join()`, nil},
		{`v.(string)`, "pinger"},
		{`tr := concur.StartTrace(); f := concur.Async(func() (any, error) { return 7, nil }); r, _ := f.Result(); tr.Stop(); r.(int)`, 7},
		{`len(tr.SVG()) > 0 && tr.Len() > 0`, true},
		{`p.Close() == nil && err == nil`, true},
		// The pictures and their language.
		{`import ("strings"; "time"; "display")`, nil},
		{`display.SetLanguage(display.English); strings.Contains(display.Bars("b", display.Label("计数", "count"), []string{"x"}, []float64{3}).SVG(), ">count<")`, true},
		{`display.SetLanguage(display.Bilingual); strings.Contains(display.Lines("l", "t", "v", display.Series{Name: "s", X: []float64{0, 1}, Y: []float64{1, 2}, Dashed: true}).SVG(), "stroke-dasharray")`, true},
		{`strings.Contains(display.Histogram("h", "ms", display.Milliseconds([]time.Duration{time.Millisecond}), 0).SVG(), "中位数 · median 1")`, true},
		{`strings.Contains(display.BeforeAfter("b", "n", []string{"x"}, []float64{1}, []float64{2}).SVG(), "之后 · after")`, true},
		{`strings.Contains(concur.TimelineGrid("g", concur.Run{Name: "one", Trace: tr}, concur.Run{Name: "two", Trace: tr}).SVG(), "two — ")`, true},
		{`s := &concur.Scaling{Serial: time.Second, Cores: 2}; s.Add("processes", 2, time.Second/2); strings.Contains(s.SVG(), "本机 2 个核 · 2 cores on this machine")`, true},
	}
	for _, c := range cells {
		v, err := i.Eval(c.code)
		if err != nil {
			t.Fatalf("%s: %v", c.code, err)
		}
		if c.want != nil && v.Interface() != c.want {
			t.Fatalf("%s = %v, want %v", c.code, v, c.want)
		}
	}
}
