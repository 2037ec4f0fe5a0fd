package concur

// ComparePools runs the same batch — f on every argument — four ways: serially on the
// calling thread, then on a thread pool (one shared GIL), a process pool (a GIL per
// worker) and a parallel pool (no GIL) of the given number of workers. It returns the
// times as Speedups against the serial run, ready to print or draw. With a CPU-bound f
// (CPUWork) the thread pool gains nothing while the others use every core; with an
// I/O-bound f (IOWork) all pools overlap the waits.
func ComparePools(title string, workers int, f func(int) int, args []int) (*Speedups, error) {
	s := &Speedups{Title: title}
	var err error
	s.Add("serial", Measure(func() {
		for _, a := range args {
			if err = call(func() { f(a) }); err != nil {
				return
			}
		}
	}))
	if err != nil {
		return s, err
	}
	pools := []struct {
		name string
		make func(int) *Pool
	}{{"threads + GIL", NewThreadPool}, {"processes", NewProcessPool}, {"parallel", NewParallelPool}}
	for _, kind := range pools {
		p := kind.make(workers)
		elapsed := Measure(func() { _, err = p.Map(f, args) })
		p.Close()
		if err != nil {
			return s, err
		}
		s.Add(kind.name+" ×"+itoa(int64(workers)), elapsed)
	}
	return s, nil
}
