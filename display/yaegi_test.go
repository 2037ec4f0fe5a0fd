package display_test

import (
	"strings"
	"testing"

	"github.com/concurlab/concurlab/kernel/eval/symbols"
	"github.com/traefik/yaegi/interp"
	"github.com/traefik/yaegi/stdlib"
)

// The charts and the pictures' language work in cells, through the generated symbols.
func TestChartsThroughYaegi(t *testing.T) {
	i := interp.New(interp.Options{})
	if err := i.Use(stdlib.Symbols); err != nil {
		t.Fatal(err)
	}
	if err := i.Use(symbols.Exports()); err != nil {
		t.Fatal(err)
	}
	cells := []struct {
		code string
		want string // what the SVG must contain
	}{
		{`import ("time"; "concur"; "display")`, ""},
		{`display.SetLanguage(display.English); display.Bars("b", display.Label("计数", "count"), []string{"x"}, []float64{3}).SVG()`, ">count<"},
		{`display.SetLanguage(display.Bilingual); display.Lines("l", "t", "v", display.Series{Name: "s", X: []float64{0, 1}, Y: []float64{1, 2}, Dashed: true}).SVG()`, "stroke-dasharray"},
		{`display.Histogram("h", "ms", display.Milliseconds([]time.Duration{time.Millisecond}), 0).SVG()`, "中位数 · median 1"},
		{`display.BeforeAfter("b", "n", []string{"x"}, []float64{1}, []float64{2}).SVG()`, "之后 · after"},
		{`tr := concur.StartTrace(); concur.Go(func() { concur.Sleep(time.Millisecond) }).Join(); tr.Stop(); concur.TimelineGrid("g", concur.Run{Name: "one", Trace: tr}, concur.Run{Name: "two", Trace: tr}).SVG()`, "two — "},
		{`s := &concur.Scaling{Serial: time.Second, Cores: 2}; s.Add("processes", 2, time.Second/2); s.SVG()`, "本机 2 个核 · 2 cores on this machine"},
	}
	for _, c := range cells {
		v, err := i.Eval(c.code)
		if err != nil {
			t.Fatalf("%s: %v", c.code, err)
		}
		if c.want != "" && !strings.Contains(v.String(), c.want) {
			t.Errorf("%s: the picture lacks %q", c.code, c.want)
		}
	}
}
