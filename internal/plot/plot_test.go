package plot

import (
	"bytes"
	"image/png"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
)

func TestTicks(t *testing.T) {
	tests := []struct {
		lo, hi float64
		n      int
		whole  bool
		want   []float64
		labels []string
	}{
		{0, 2.98, 6, false, []float64{0, 0.5, 1, 1.5, 2, 2.5, 3}, []string{"0", "0.5", "1", "1.5", "2", "2.5", "3"}},
		{0, 13.6, 6, false, []float64{0, 5, 10, 15}, []string{"0", "5", "10", "15"}},
		{0, 3, 5, true, []float64{0, 1, 2, 3}, []string{"0", "1", "2", "3"}},
		{0, 0.3, 5, true, []float64{0, 1}, []string{"0", "1"}},
		{-7, 12, 4, false, []float64{-10, -5, 0, 5, 10, 15}, []string{"-10", "-5", "0", "5", "10", "15"}},
		{0, 0.07, 4, false, []float64{0, 0.02, 0.04, 0.06, 0.08}, []string{"0", "0.02", "0.04", "0.06", "0.08"}},
	}
	for _, tt := range tests {
		ticks := NewTicks(tt.lo, tt.hi, tt.n, tt.whole)
		var labels []string
		for _, v := range ticks.Values {
			labels = append(labels, ticks.Label(v))
		}
		if !slices.Equal(labels, tt.labels) || len(ticks.Values) != len(tt.want) {
			t.Errorf("NewTicks(%v, %v, %d, %v) = %v, want %v", tt.lo, tt.hi, tt.n, tt.whole, labels, tt.labels)
		}
	}
	if got := NewTicks(0, 182, 10, false).Upto(182).Values; got[len(got)-1] != 180 {
		t.Errorf("Upto(182) ends at %v, want 180", got[len(got)-1])
	}
}

func TestLabels(t *testing.T) {
	tests := []struct {
		language  Language
		label, f  string
		plural    string
		textWidth float64
	}{
		{Both, "加速比 · speed-up", "3 个线程 · 3 threads", "threads", 12*3 + 0.6*12*11},
		{Chinese, "加速比", "3 个线程", "threads", 12 * 3},
		{English, "speed-up", "3 threads", "threads", 0.6 * 12 * 8},
	}
	for _, tt := range tests {
		if err := SetLanguage(tt.language); err != nil {
			t.Fatal(err)
		}
		label := L("加速比", "speed-up")
		if label != tt.label || F("%[1]d 个线程", "%d %s", 3, Plural(3, "thread")) != tt.f {
			t.Errorf("%v: %q and %q", tt.language, label, F("%[1]d 个线程", "%d %s", 3, Plural(3, "thread")))
		}
		if w := TextWidth(label, 12); math.Abs(w-tt.textWidth) > 1e-9 {
			t.Errorf("%v: TextWidth(%q) = %v, want %v", tt.language, label, w, tt.textWidth)
		}
	}
	if err := SetLanguage(-1); err == nil || Current() != English {
		t.Errorf("SetLanguage(-1) = %v and left %v", err, Current())
	}
	SetLanguage(Both)
	if Plural(1, "thread") != "thread" || L("", "only") != "only" || L("同", "同") != "同" {
		t.Error("Plural or L of one language")
	}
}

// Every golden picture renders in a real SVG renderer, where one is installed: headless
// Chromium, or librsvg's rsvg-convert. A picture that renders is a PNG with marks on it.
func TestGoldenPicturesRender(t *testing.T) {
	render := renderer(t)
	files, _ := filepath.Glob("../../concur/testdata/*.svg")
	more, _ := filepath.Glob("../../display/testdata/*.svg")
	files = append(files, more...)
	if len(files) == 0 {
		t.Fatal("no golden pictures found")
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "picture.png")
			if msg, err := render(file, out); err != nil {
				t.Fatalf("%v: %s", err, msg)
			}
			raw, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			img, err := png.Decode(bytes.NewReader(raw))
			if err != nil {
				t.Fatalf("the renderer wrote no PNG: %v", err)
			}
			marks := 0
			b := img.Bounds()
			for y := b.Min.Y; y < b.Max.Y; y += 2 {
				for x := b.Min.X; x < b.Max.X; x += 2 {
					if r, g, bl, _ := img.At(x, y).RGBA(); r+g+bl < 3*0xF000 {
						marks++
					}
				}
			}
			if marks < 100 {
				t.Errorf("the picture rendered nearly blank: %d marked samples of %dx%d", marks, b.Dx(), b.Dy())
			}
		})
	}
}

// renderer returns a func that renders an SVG file to a PNG file, or skips the test.
func renderer(t *testing.T) func(svg, png string) ([]byte, error) {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if path, err := exec.LookPath(name); err == nil {
			return func(svg, png string) ([]byte, error) {
				abs, _ := filepath.Abs(svg)
				return exec.Command(path, "--headless", "--disable-gpu", "--no-sandbox", "--screenshot="+png,
					"--window-size=920,800", "file://"+abs).CombinedOutput()
			}
		}
	}
	if path, err := exec.LookPath("rsvg-convert"); err == nil {
		return func(svg, png string) ([]byte, error) { return exec.Command(path, "-o", png, svg).CombinedOutput() }
	}
	t.Skip("no SVG renderer installed (chromium or rsvg-convert)")
	return nil
}
