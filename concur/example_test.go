package concur_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/concurlab/concurlab/concur"
)

// Threads have names; the cell's own flow is MainThread.
func ExampleGoNamed() {
	th := concur.GoNamed("downloader", func() { fmt.Println("in", concur.Current().Name()) })
	th.Join()
	fmt.Println("in", concur.Current().Name())
	// Output:
	// in downloader
	// in MainThread
}

// Under one GIL, threads take turns; the statistics show the switches.
func ExampleNewGIL() {
	gil := concur.NewGIL(time.Millisecond)
	a := gil.Go(func() { concur.CPUWork(500) })
	b := gil.Go(func() { concur.CPUWork(500) })
	a.Join()
	b.Join()
	fmt.Println(len(gil.Stats().Threads), "threads shared the GIL")
	// Output: 2 threads shared the GIL
}

// A non-blocking receive returns at once, with a message or "empty".
func ExampleMailbox_TryReceive() {
	m := concur.NewMailbox(1)
	_, ok := m.TryReceive()
	fmt.Println("got a message:", ok)
	m.TrySend("hello")
	v, ok := m.TryReceive()
	fmt.Println("got a message:", ok, v)
	// Output:
	// got a message: false
	// got a message: true hello
}

// An asynchronous call returns a future at once; a callback hears of the result.
func ExampleAsync() {
	f := concur.Async(func() (any, error) { return 6 * 7, nil })
	called := make(chan string)
	f.OnDone(func(f *concur.Future) { called <- f.State().String() })
	v, _ := f.Result()
	fmt.Println(v, <-called)
	// Output: 42 done
}

// A process pool copies arguments: the worker's change never reaches the caller.
func ExampleNewProcessPool() {
	p := concur.NewProcessPool(2)
	defer p.Close()
	data := []int{1, 2, 3}
	p.MapSlices(func(s []int) []int { s[0] = 99; return s }, [][]int{data})
	fmt.Println(data)
	// Output: [1 2 3]
}

// Atomic and locked counters count exactly.
func ExampleCounter() {
	var c concur.Counter
	var threads []*concur.Thread
	for range 4 {
		threads = append(threads, concur.Go(func() {
			for range 1000 {
				c.AtomicInc()
			}
		}))
	}
	for _, th := range threads {
		th.Join()
	}
	fmt.Println(c.Value())
	// Output: 4000
}

// A bounded queue decouples producer and consumer; Close lets the consumer drain.
func ExampleQueue() {
	q := concur.NewQueue(2)
	concur.Go(func() {
		for i := range 3 {
			q.Put(i)
		}
		q.Close()
	})
	for {
		v, err := q.Get()
		if err != nil {
			break
		}
		fmt.Print(v, " ")
	}
	fmt.Println()
	// Output: 0 1 2
}

// A trace draws what the threads did.
func ExampleStartTrace() {
	tr := concur.StartTrace()
	concur.Go(func() { concur.Sleep(time.Millisecond) }).Join()
	tr.Stop()
	fmt.Println(strings.HasPrefix(tr.SVG(), "<svg"))
	// Output: true
}

// Speed-ups compare ways of doing the same work.
func ExampleSpeedups() {
	var s concur.Speedups
	s.Add("serial", 200*time.Millisecond)
	s.Add("parallel", 100*time.Millisecond)
	fmt.Printf("%.1fx\n", s.Speedup(1))
	// Output: 2.0x
}

// The thread diagram: shared code, data and files; each thread its own registers, stack and
// program counter.
func ExampleThreadDiagram() {
	fmt.Println(strings.Count(concur.ThreadDiagram(2).SVG(), `class="thread"`))
	// Output: 2
}

// ComparePools runs one batch serially and on each kind of pool.
func ExampleComparePools() {
	s, _ := concur.ComparePools("CPU-bound", 2, func(int) int { concur.CPUWork(10); return 0 }, make([]int, 4))
	fmt.Println(s.Names)
	// Output: [serial threads + GIL ×2 processes ×2 parallel ×2]
}

// Next to a CPU-bound thread, an I/O-bound thread waits out a switch interval for the GIL
// after every I/O operation: the convoy effect.
func ExampleConvoy() {
	for _, neighbour := range []bool{false, true} {
		run, err := concur.Convoy(time.Millisecond, 5, 100*time.Microsecond, neighbour)
		fmt.Printf("CPU-bound neighbour %v: forced waits for the GIL: %v (%v)\n",
			neighbour, run.ForcedWaits > 0, err)
	}
	// Output:
	// CPU-bound neighbour false: forced waits for the GIL: false (<nil>)
	// CPU-bound neighbour true: forced waits for the GIL: true (<nil>)
}

// NativeWork computes with the GIL let go, as C extensions do: the same checksum as CPUWork.
func ExampleNativeWork() {
	gil := concur.NewGIL(0)
	var native, bytecode uint64
	a := gil.Go(func() { native, _ = concur.NativeWork(10) })
	b := gil.Go(func() { bytecode, _ = concur.CPUWork(10) })
	a.Join()
	b.Join()
	fmt.Println(native == bytecode)
	// Output: true
}

// Below the break-even task size, a process pool is slower than serial code.
func ExampleProcessCosts_BreakEven() {
	costs := concur.PythonProcessCosts()
	fmt.Println("2 workers, a pool kept for many tasks:", costs.BreakEven(2, 1_000_000, 16).Round(time.Microsecond))
	fmt.Println("4 workers, a batch of 8:", costs.BreakEven(4, 8, 16).Round(time.Microsecond))
	// Output:
	// 2 workers, a pool kept for many tasks: 200µs
	// 4 workers, a batch of 8: 650µs
}

// A key function lets other threads run mid-sort; what they add to the list is lost.
func ExampleList_SortKey() {
	l := concur.NewList([]int{3, 1, 2})
	err := l.SortKey(func(v int) int { return -v })
	fmt.Println(l.Values(), err)
	// Output: [3 2 1] <nil>
}

// Goroutines are not OS threads: many goroutines run on a few threads.
func ExampleOSThreads() {
	c := concur.OSThreads()
	fmt.Println(c.Goroutines >= 1, c.OSThreads >= 1)
	// Output: true true
}

// Timelines draws traces to one time scale, so that the faster run looks shorter.
func ExampleTimelines() {
	one := concur.StartTrace()
	concur.Go(func() { concur.Sleep(2 * time.Millisecond) }).Join()
	one.Stop()
	two := concur.StartTrace()
	concur.Go(func() { concur.Sleep(time.Millisecond) }).Join()
	two.Stop()
	picture := concur.Timelines("sleeps", concur.Run{Name: "2 ms", Trace: one}, concur.Run{Name: "1 ms", Trace: two})
	fmt.Println(strings.Count(picture.SVG(), `class="run"`))
	// Output: 2
}

// Scaling draws speed-up against the number of workers, one line per kind of worker.
func ExampleScaling() {
	s := &concur.Scaling{Title: "CPU-bound", Serial: 100 * time.Millisecond, Cores: 2}
	s.Add("threads + GIL", 2, 100*time.Millisecond)
	s.Add("processes", 2, 50*time.Millisecond)
	fmt.Printf("%.1fx %.1fx\n", s.Speedup("threads + GIL", 2), s.Speedup("processes", 2))
	// Output: 1.0x 2.0x
}
