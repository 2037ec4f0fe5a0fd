package plot

import (
	"fmt"
	"math"
	"strconv"
	"time"
)

// Scale maps values from Lo..Hi onto the pixels From..To.
type Scale struct {
	Lo, Hi   float64
	From, To float64
}

// At returns the pixel of v; a scale with no span maps everything to From.
func (s Scale) At(v float64) float64 {
	if s.Hi == s.Lo {
		return s.From
	}
	return s.From + (s.To-s.From)*(v-s.Lo)/(s.Hi-s.Lo)
}

// NiceStep returns the smallest round step (1, 2 or 5 times a power of ten) that cuts span
// into at most n parts.
func NiceStep(span float64, n int) float64 {
	if !(span > 0) || math.IsInf(span, 0) {
		return 1
	}
	raw := span / float64(max(n, 1))
	step := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, nice := range []float64{1, 2, 5} {
		if raw <= nice*step*(1+1e-9) {
			return nice * step
		}
	}
	return 10 * step
}

// Ticks are round values on an axis, Step apart, from the first to the last.
type Ticks struct {
	Values []float64
	Step   float64
}

// NewTicks returns about n round ticks that cover lo..hi: the first at or below lo, the last
// at or above hi. With whole, the step is at least 1 (for counts).
func NewTicks(lo, hi float64, n int, whole bool) Ticks {
	step := NiceStep(hi-lo, n)
	if whole {
		step = math.Max(math.Round(step), 1)
	}
	first := math.Floor(lo/step+1e-9) * step
	last := math.Ceil(hi/step-1e-9) * step
	if last <= first {
		last = first + step
	}
	var t Ticks
	t.Step = step
	for i := 0; ; i++ {
		v := first + float64(i)*step
		if v > last+step/1e6 {
			break
		}
		t.Values = append(t.Values, v)
	}
	return t
}

// Lo and Hi return the first and last tick.
func (t Ticks) Lo() float64 { return t.Values[0] }

// Hi returns the last tick.
func (t Ticks) Hi() float64 { return t.Values[len(t.Values)-1] }

// Upto returns the ticks at or below hi: an axis that ends where its data ends.
func (t Ticks) Upto(hi float64) Ticks {
	out := Ticks{Step: t.Step}
	for _, v := range t.Values {
		if v <= hi+t.Step/1e6 {
			out.Values = append(out.Values, v)
		}
	}
	return out
}

// Label formats v with as many decimals as the step needs, and no trailing zeros.
func (t Ticks) Label(v float64) string {
	decimals := 0
	if t.Step > 0 && t.Step < 1 {
		decimals = int(math.Ceil(-math.Log10(t.Step) - 1e-9))
	}
	s := strconv.FormatFloat(v, 'f', decimals, 64)
	if decimals > 0 {
		s = trim(s)
	}
	if s == "-0" {
		return "0"
	}
	return s
}

// Short formats v with three significant digits at most and no trailing zeros: a value's
// label beside its mark.
func Short(v float64) string {
	switch a := math.Abs(v); {
	case a >= 100 || a == 0:
		return strconv.FormatFloat(math.Round(v), 'f', -1, 64)
	case a >= 10:
		return trim(fmt.Sprintf("%.1f", v))
	case a >= 1:
		return trim(fmt.Sprintf("%.2f", v))
	}
	return strconv.FormatFloat(v, 'g', 3, 64)
}

func trim(s string) string {
	for s[len(s)-1] == '0' {
		s = s[:len(s)-1]
	}
	if s[len(s)-1] == '.' {
		s = s[:len(s)-1]
	}
	return s
}

// XAxis draws a horizontal axis at y along s, with a tick and its label (suffix appended)
// at each tick, and label centred under it. It returns the y below the axis's label.
func (c *Canvas) XAxis(s Scale, y float64, ticks Ticks, suffix, label string) float64 {
	c.Open("x-axis", "")
	c.Line(s.From, y, s.To, y, `stroke="#333"`)
	for _, v := range ticks.Values {
		x := s.At(v)
		c.Line(x, y, x, y+4, `stroke="#333"`)
		c.Text(x, y+16, "middle", `class="tick"`, ticks.Label(v)+suffix)
	}
	c.Text((s.From+s.To)/2, y+32, "middle", `class="axis-label"`, label)
	c.Close()
	return y + 40
}

// YAxis draws a vertical axis at x along s, with a tick and label at each tick and a light
// grid line to gridTo (none when gridTo is x), and label turned along it at labelX.
func (c *Canvas) YAxis(s Scale, x, gridTo, labelX float64, ticks Ticks, label string) {
	c.Open("y-axis", "")
	c.Line(x, s.From, x, s.To, `stroke="#333"`)
	for _, v := range ticks.Values {
		y := s.At(v)
		if gridTo != x {
			c.Line(x, y, gridTo, y, `stroke="#e5e5e5"`)
		}
		c.Line(x-4, y, x, y, `stroke="#333"`)
		c.Text(x-6, y+4, "end", `class="tick"`, ticks.Label(v))
	}
	mid := (s.From + s.To) / 2
	c.Text(labelX, mid, "middle", fmt.Sprintf(`class="axis-label" transform="rotate(-90 %s %s)"`, num(labelX), num(mid)), label)
	c.Close()
}

// Ms returns d in milliseconds, the unit of every time axis.
func Ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
