package concur

import (
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

func BenchmarkBareChannel(b *testing.B) {
	ch := make(chan any)
	go func() {
		for range ch {
		}
	}()
	for i := 0; b.Loop(); i++ {
		ch <- i
	}
	close(ch)
}

func benchmarkMailbox(b *testing.B, traced bool) {
	m := NewMailbox(0)
	if traced {
		defer StartTrace().Stop()
	}
	go func() {
		for {
			if v, _ := m.Receive(); v == nil {
				return
			}
		}
	}()
	for i := 0; b.Loop(); i++ {
		m.Send(i)
	}
	m.Send(nil)
}

func BenchmarkMailbox(b *testing.B)       { benchmarkMailbox(b, false) }
func BenchmarkMailboxTraced(b *testing.B) { benchmarkMailbox(b, true) }

func BenchmarkQueue(b *testing.B) {
	q := NewQueue(64)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			if _, err := q.Get(); err != nil {
				return
			}
		}
	}()
	for i := 0; b.Loop(); i++ {
		q.Put(i)
	}
	q.Close()
	<-done
}

func BenchmarkCheckpointNobodyWaits(b *testing.B) {
	g := NewGIL(0)
	for b.Loop() {
		g.Checkpoint()
	}
}

// BenchmarkGILHandOff measures one hand-off of the GIL between two threads that checkpoint
// as fast as they can with a switch interval of 1 ns: an op is one switch.
func BenchmarkGILHandOff(b *testing.B) {
	g := NewGIL(time.Nanosecond)
	var done atomic.Bool
	run := func() {
		for !done.Load() {
			g.Checkpoint()
		}
	}
	b.ResetTimer()
	threads := []*Thread{g.Go(run), g.Go(run)}
	for g.Stats().Switches < b.N {
		time.Sleep(100 * time.Microsecond)
	}
	done.Store(true)
	for _, th := range threads {
		th.Join()
	}
}

func BenchmarkPoolTinyTasks(b *testing.B) {
	args := make([]int, 100_000)
	p := NewParallelPool(2)
	defer p.Close()
	for b.Loop() {
		p.Map(func(x int) int { return x + 1 }, args)
	}
}

// cpuTime returns the CPU time the process has used in user mode.
func cpuTime() time.Duration {
	var r syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &r)
	return time.Duration(r.Utime.Nano())
}

// BenchmarkPoolSpeedup runs 8 tasks on each pool; "cores" is the CPU time used per second of
// wall time, which shows parallelism even when other processes share the machine.
func BenchmarkPoolSpeedup(b *testing.B) {
	kinds := []struct {
		name string
		make func(int) *Pool
	}{{"thread", NewThreadPool}, {"process", NewProcessPool}, {"parallel", NewParallelPool}}
	work := []struct {
		name string
		f    func(int) int
	}{
		{"cpu", func(int) int { CPUWork(100); return 0 }},
		{"io", func(int) int { IOWork(2 * time.Millisecond); return 0 }},
	}
	for _, w := range work {
		for _, k := range kinds {
			for _, workers := range []int{1, 2, 4} {
				b.Run(w.name+"/"+k.name+"/"+itoa(int64(workers)), func(b *testing.B) {
					p := k.make(workers)
					defer p.Close()
					cpu, start := cpuTime(), time.Now()
					for b.Loop() {
						p.Map(w.f, make([]int, 8))
					}
					b.ReportMetric(float64(cpuTime()-cpu)/float64(time.Since(start)), "cores")
				})
			}
		}
	}
}

// BenchmarkConvoy measures the convoy effect: an op is one I/O operation of 1 ms by a thread
// under a GIL, alone or next to a CPU-bound thread, at switch intervals of 5 ms (CPython's
// default) and 1 ms; forced-waits/op counts the waits for the GIL after an operation that ran
// out the interval.
func BenchmarkConvoy(b *testing.B) {
	for _, interval := range []time.Duration{5 * time.Millisecond, time.Millisecond} {
		for _, neighbour := range []bool{false, true} {
			name := interval.String() + "/alone"
			if neighbour {
				name = interval.String() + "/cpu-neighbour"
			}
			b.Run(name, func(b *testing.B) {
				run, err := Convoy(interval, b.N, time.Millisecond, neighbour)
				if err != nil {
					b.Fatal(err)
				}
				b.ReportMetric(run.WaitsPerOp(), "forced-waits/op")
			})
		}
	}
}

// BenchmarkNativeWorkUnderGIL runs 4 threads of 100 units under one GIL: CPUWork takes turns,
// NativeWork (which lets the GIL go, as C extensions do) runs on every core; "cores" as in
// BenchmarkPoolSpeedup.
func BenchmarkNativeWorkUnderGIL(b *testing.B) {
	for _, w := range []struct {
		name string
		f    func(int) (uint64, error)
	}{{"CPUWork", CPUWork}, {"NativeWork", NativeWork}} {
		b.Run(w.name, func(b *testing.B) {
			g := NewGIL(0)
			cpu, start := cpuTime(), time.Now()
			for b.Loop() {
				var ts []*Thread
				for range 4 {
					ts = append(ts, g.Go(func() { w.f(100) }))
				}
				for _, th := range ts {
					th.Join()
				}
			}
			b.ReportMetric(float64(cpuTime()-cpu)/float64(time.Since(start)), "cores")
		})
	}
}

// BenchmarkProcessPoolTaskSize maps 64 CPU-bound tasks of two sizes on a pool of 2 simulated
// processes with Python's costs (started for each batch) and serially: below the break-even
// size (PythonProcessCosts().BreakEven(2, 64, 16), about 310 µs) the pool is slower.
func BenchmarkProcessPoolTaskSize(b *testing.B) {
	for _, units := range []int{10, 200} { // about 100 µs and 2 ms
		task := func(int) int { CPUWork(units); return 0 }
		args := make([]int, 64)
		b.Run(itoa(int64(units))+"units/serial", func(b *testing.B) {
			for b.Loop() {
				for _, a := range args {
					task(a)
				}
			}
		})
		b.Run(itoa(int64(units))+"units/process", func(b *testing.B) {
			for b.Loop() {
				p := NewProcessPool(2)
				p.Map(task, args)
				p.Close()
			}
		})
	}
}
