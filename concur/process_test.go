package concur

import (
	"math"
	"testing"
	"time"
)

func TestProcessPoolPaysItsCosts(t *testing.T) {
	costs := ProcessCosts{StartUp: time.Millisecond, PerTask: 100 * time.Microsecond, PerKiB: 8 * time.Microsecond}
	cases := []struct {
		name  string
		run   func(p *Pool) error
		tasks int
		bytes int64
		spent time.Duration // 2 start-ups, and per task 100 µs and 8 µs per KiB (rounded down)
	}{
		{"Map of 10 ints", func(p *Pool) error { _, err := p.Map(func(x int) int { return x }, make([]int, 10)); return err }, 10, 10 * 16,
			3*time.Millisecond + 10*125},
		{"MapSlices of 3 slices of 128 ints, results of 1", func(p *Pool) error {
			_, err := p.MapSlices(func(s []int) []int { return s[:1] }, [][]int{make([]int, 128), make([]int, 128), make([]int, 128)})
			return err
		}, 3, 3 * (128 + 1) * 8,
			2300*time.Microsecond + 3*8062},
		{"Submit", func(p *Pool) error { return p.Submit(func(x int) int { return x }, 1).Wait() }, 1, 16, 2100*time.Microsecond + 125},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := NewProcessPoolCosts(2, costs)
			if err := c.run(p); err != nil {
				t.Fatal(err)
			}
			if err := p.Close(); err != nil {
				t.Fatal(err)
			}
			s := p.ProcessStats()
			if want := (ProcessStats{StartUps: 2, Tasks: c.tasks, Copied: c.bytes, Spent: c.spent}); s != want {
				t.Errorf("ProcessStats() = %+v, want %+v", s, want)
			}
		})
	}
	if s := NewThreadPool(1).ProcessStats(); s != (ProcessStats{}) {
		t.Errorf("a thread pool's ProcessStats() = %+v", s)
	}
}

func TestProcessCostsBreakEven(t *testing.T) {
	c := ProcessCosts{StartUp: 4 * time.Millisecond, PerTask: 200 * time.Microsecond, PerKiB: 10 * time.Microsecond}
	cases := []struct {
		name                  string
		workers, tasks, bytes int
		want                  time.Duration
	}{
		// 2 workers, start-up spread over 1000 tasks: (4 ms·2/1000 + 200 µs) / 1.
		{"two workers, many tasks", 2, 1000, 0, 208 * time.Microsecond},
		// 4 workers, 8 tasks: (4 ms·4/8 + 200 µs) / 3.
		{"four workers, a short batch", 4, 8, 0, 2200 * time.Microsecond / 3},
		// 1 KiB each adds 10 µs per task: (0.008 ms + 210 µs) / 1.
		{"copying", 2, 1000, 1024, 218 * time.Microsecond},
		{"one worker", 1, 1000, 0, math.MaxInt64},
		{"no tasks", 2, 0, 0, math.MaxInt64},
	}
	for _, tc := range cases {
		if got := c.BreakEven(tc.workers, tc.tasks, tc.bytes); got != tc.want {
			t.Errorf("%s: BreakEven(%d, %d, %d) = %v, want %v", tc.name, tc.workers, tc.tasks, tc.bytes, got, tc.want)
		}
	}
}

func TestProcessPoolStartUpStopsAtInterrupt(t *testing.T) {
	p := NewProcessPoolCosts(2, ProcessCosts{StartUp: time.Hour})
	Interrupt()
	within(t, "Close of an interrupted pool starting its workers", func() { p.Close() })
}
