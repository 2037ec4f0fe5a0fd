package display

import (
	"fmt"
	"html"
	"strings"
	"sync"
	"time"
)

// minRedraw is the shortest time between two redraws of a progress bar (at most ten a
// second), so that a tight loop calling Add does not flood the front end.
const minRedraw = 100 * time.Millisecond

// ProgressBar is a live progress display that updates in place, with rate and ETA. It
// satisfies concur's ProgressReporter (Add and Done).
type ProgressBar struct {
	mu         sync.Mutex
	handle     *Handle
	now        func() time.Time
	label      string
	total      int
	count      int
	start      time.Time
	lastRedraw time.Time
	done       bool
}

// Progress shows a progress bar for total steps (zero or less when the total is unknown).
func Progress(total int) *ProgressBar { return newProgress("", total, time.Now) }

// LabeledProgress shows a progress bar for total steps with label before it, such as the
// name of the batch of work it follows.
func LabeledProgress(label string, total int) *ProgressBar {
	return newProgress(label, total, time.Now)
}

func newProgress(label string, total int, now func() time.Time) *ProgressBar {
	p := &ProgressBar{now: now, label: label, total: total, start: now()}
	p.lastRedraw = p.start
	p.handle = Show(p.bundle(0))
	return p
}

// Add records n more finished steps. The display is redrawn at most ten times a second.
func (p *ProgressBar) Add(n int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.done {
		return
	}
	p.count += n
	if t := p.now(); t.Sub(p.lastRedraw) >= minRedraw {
		p.lastRedraw = t
		p.handle.Update(p.bundle(t.Sub(p.start)))
	}
}

// Done marks the work finished and always shows the final state. Later calls do nothing.
func (p *ProgressBar) Done() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.done {
		return
	}
	p.done = true
	p.handle.Update(p.bundle(p.now().Sub(p.start)))
}

// bundle renders the bar after elapsed time as HTML with a text/plain fallback.
func (p *ProgressBar) bundle(elapsed time.Duration) Bundle {
	status := p.status(elapsed)
	markup := `<progress style="width:24em" ` + p.progressValue() + `></progress>` +
		` <span style="font-family:monospace">` + html.EscapeString(status) + `</span>`
	text := p.textBar() + " " + status
	if p.label != "" {
		markup = `<span style="font-weight:bold">` + html.EscapeString(p.label) + `</span> ` + markup
		text = p.label + " " + text
	}
	return Bundle{"text/html": markup, "text/plain": text}
}

// status is the line under the bar: "30/100 (30%) · 12.5/s · ETA 5.6s".
func (p *ProgressBar) status(elapsed time.Duration) string {
	parts := []string{fmt.Sprint(p.count)}
	if p.total > 0 {
		parts[0] = fmt.Sprintf("%d/%d (%.0f%%)", p.count, p.total, 100*p.fraction())
	}
	if elapsed > 0 {
		rate := float64(p.count) / elapsed.Seconds()
		parts = append(parts, fmt.Sprintf("%.1f/s", rate))
		switch {
		case p.done:
			parts = append(parts, "done in "+roundElapsed(elapsed).String())
		case p.total > 0 && rate > 0:
			left := time.Duration(float64(p.total-p.count) / rate * float64(time.Second))
			parts = append(parts, "ETA "+max(left, 0).Round(100*time.Millisecond).String())
		}
	} else if p.done {
		parts = append(parts, "done")
	}
	return strings.Join(parts, " · ")
}

func (p *ProgressBar) fraction() float64 {
	return min(max(float64(p.count)/float64(p.total), 0), 1)
}

// progressValue is the attributes of the HTML <progress> element; an unknown total leaves
// it indeterminate until the work is done.
func (p *ProgressBar) progressValue() string {
	switch {
	case p.total > 0:
		return fmt.Sprintf(`value="%d" max="%d"`, min(p.count, p.total), p.total)
	case p.done:
		return `value="1" max="1"`
	}
	return ""
}

// textBar draws the bar with 20 characters: "[#####...............]".
func (p *ProgressBar) textBar() string {
	const width = 20
	filled := 0
	if p.total > 0 {
		filled = int(p.fraction() * width)
	} else if p.done {
		filled = width
	}
	return "[" + strings.Repeat("#", filled) + strings.Repeat(".", width-filled) + "]"
}

// roundElapsed rounds d to milliseconds, or to microseconds below one millisecond.
func roundElapsed(d time.Duration) time.Duration {
	if d < time.Millisecond {
		return d.Round(time.Microsecond)
	}
	return d.Round(time.Millisecond)
}
