package concur

import (
	"errors"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func TestPoolsMapInOrder(t *testing.T) {
	pools := map[string]func(int) *Pool{
		"thread": NewThreadPool, "process": NewProcessPool, "parallel": NewParallelPool,
	}
	for name, newPool := range pools {
		t.Run(name, func(t *testing.T) {
			p := newPool(3)
			defer p.Close()
			args := make([]int, 200)
			for i := range args {
				args[i] = i
			}
			got, err := p.Map(func(x int) int { return x * x }, args)
			if err != nil {
				t.Fatal(err)
			}
			for i, v := range got {
				if v != i*i {
					t.Fatalf("result %d = %d", i, v)
				}
			}
			if v, err := p.Submit(func(x int) int { return x + 1 }, 41).Result(); v != 42 || err != nil {
				t.Fatal(v, err)
			}
			if p.Workers() != 3 || !strings.Contains(p.String(), name) {
				t.Errorf("%s", p)
			}
		})
	}
}

func TestProcessPoolCopiesThreadPoolShares(t *testing.T) {
	tests := []struct {
		pool    *Pool
		changed bool
	}{
		{NewProcessPool(2), false},
		{NewThreadPool(2), true},
	}
	for _, tt := range tests {
		arg := []int{1, 2, 3}
		got, err := tt.pool.MapSlices(func(s []int) []int { s[0] = 100; return s }, [][]int{arg})
		tt.pool.Close()
		if err != nil || got[0][0] != 100 {
			t.Fatal(got, err)
		}
		if changed := arg[0] == 100; changed != tt.changed {
			t.Errorf("%s: caller's argument changed = %v", tt.pool, changed)
		}
	}
}

func TestPoolPanicsAndClose(t *testing.T) {
	p := NewParallelPool(2)
	_, err := p.Map(func(x int) int {
		if x == 3 {
			panic("three")
		}
		return x
	}, []int{1, 2, 3, 4})
	if err == nil || !strings.Contains(err.Error(), "three") {
		t.Fatalf("Map = %v", err)
	}
	if err := p.Submit(func(int) int { panic("x") }, 0).Wait(); err == nil {
		t.Fatal("panicking task did not fail")
	}
	if got, err := p.Map(func(x int) int { return x }, nil); err != nil || len(got) != 0 {
		t.Fatal(got, err)
	}
	p.Close()
	if _, err := p.Map(func(x int) int { return x }, []int{1}); err != ErrClosed {
		t.Errorf("Map after Close = %v", err)
	}
	if err := p.Submit(func(x int) int { return x }, 1).Wait(); err != ErrClosed {
		t.Errorf("Submit after Close = %v", err)
	}
}

type countingReporter struct {
	total, added atomic.Int64
	done         atomic.Bool
}

func (r *countingReporter) Add(n int) { r.added.Add(int64(n)) }
func (r *countingReporter) Done()     { r.done.Store(true) }

func TestPoolReportsProgressOfLongBatch(t *testing.T) {
	r := &countingReporter{}
	SetProgressReporter(func(title string, total int) ProgressReporter {
		r.total.Store(int64(total))
		return r
	})
	defer SetProgressReporter(nil)
	p := NewThreadPool(4)
	defer p.Close()
	_, err := p.Map(func(int) int { IOWork(50 * time.Millisecond); return 0 }, make([]int, 60))
	if err != nil {
		t.Fatal(err)
	}
	if r.total.Load() != 60 || r.added.Load() != 60 || !r.done.Load() {
		t.Errorf("reporter total %d added %d done %v", r.total.Load(), r.added.Load(), r.done.Load())
	}
	if s := p.GILStats(); len(s.Threads) != 4 {
		t.Errorf("GIL stats %+v", s)
	}
	if s := NewParallelPool(1).GILStats(); len(s.Threads) != 0 {
		t.Error(s)
	}
}

func TestComparePools(t *testing.T) {
	s, err := ComparePools("I/O-bound", 4, func(int) int { IOWork(10 * time.Millisecond); return 0 }, make([]int, 8))
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Names) != 4 || s.Names[0] != "serial" {
		t.Fatalf("%v", s)
	}
	for i := 1; i < 4; i++ {
		if s.Speedup(i) < 1.5 {
			t.Errorf("%s: I/O-bound speed-up %.2f with 4 workers", s.Names[i], s.Speedup(i))
		}
	}
	if _, err := ComparePools("panics", 2, func(int) int { panic("no") }, []int{1}); err == nil {
		t.Error("a panicking f did not fail the comparison")
	}
}

func TestInterruptFailsTheFuturesThatDidNotRun(t *testing.T) {
	tests := []struct {
		name  string
		pool  func() *Pool                  // made in the subtest: Interrupt closes pools for good
		first func(release <-chan struct{}) // the first task's wait
		ready func(p *Pool) bool            // the second task is where the test wants it
	}{
		{"queued", func() *Pool { return NewParallelPool(1) }, func(<-chan struct{}) { Sleep(time.Hour) },
			func(p *Pool) bool { return len(p.tasks) == 1 }},
		{"waiting for the GIL", func() *Pool { return NewThreadPool(2) }, func(release <-chan struct{}) { <-release },
			func(p *Pool) bool { return waitersOf(p.gil) == 1 }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := tt.pool()
			started, release := make(chan struct{}), make(chan struct{})
			first := p.Submit(func(int) int { close(started); tt.first(release); return 1 }, 0)
			<-started
			second := p.Submit(func(int) int { return 2 }, 0)
			for !tt.ready(p) {
				time.Sleep(time.Millisecond)
			}
			// The first task may not yet wait in its Sleep when the queue shows the second:
			// an Interrupt before it does finds nothing to wake, so it is sent again until the
			// second future ends.
			deadline := time.After(5 * time.Second)
		interrupting:
			for {
				Interrupt()
				select {
				case <-second.Finished():
					break interrupting
				case <-time.After(50 * time.Millisecond):
				case <-deadline:
					t.Fatalf("the second future is still %v after Interrupt", second.State())
				}
			}
			if _, err := second.Result(); second.State() != Failed || !errors.Is(err, ErrInterrupted) {
				t.Errorf("second future %v, want failed with ErrInterrupted", second)
			}
			close(release)
			if v, err := first.Result(); v != 1 || err != nil {
				t.Errorf("first future = %v, %v", v, err)
			}
			p.Close()
		})
	}
}

func TestMapReturnsNoResultsOnError(t *testing.T) {
	p := NewParallelPool(2)
	defer p.Close()
	got, err := p.Map(func(x int) int {
		if x == 0 {
			panic("zero")
		}
		Sleep(time.Millisecond)
		return x
	}, make([]int, 50))
	if err == nil || got != nil {
		t.Errorf("Map with a panic = %v, %v; want nil and the panic", got, err)
	}
	slices, err := p.MapSlices(func([]int) []int { panic("no") }, [][]int{{1}, {2}})
	if err == nil || slices != nil {
		t.Errorf("MapSlices with a panic = %v, %v; want nil and the panic", slices, err)
	}
}

func TestTaskSubmitsToItsOwnThreadPool(t *testing.T) {
	p := NewThreadPool(2) // its queue holds 4 tasks
	outer := p.Submit(func(int) int {
		var inner []*Future
		for i := range 8 {
			inner = append(inner, p.Submit(func(x int) int { return x }, i))
		}
		sum := 0
		for _, f := range inner {
			v, _ := f.Result()
			n, _ := v.(int)
			sum += n
		}
		return sum
	}, 0)
	select {
	case <-outer.Finished():
	case <-time.After(5 * time.Second):
		Interrupt()
		t.Fatal("a task that submits to its own thread pool deadlocked")
	}
	if v, err := outer.Result(); v != 28 || err != nil {
		t.Errorf("outer task = %v, %v", v, err)
	}
	p.Close()
}
