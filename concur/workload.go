package concur

import "time"

// unitRounds is the number of mixing rounds in one unit of CPUWork, about 10 µs of work.
const unitRounds = 4000

// CPUWork is a ready-made CPU-bound workload: units of pure computation (about 10 µs each),
// with a GIL checkpoint after each unit when the calling thread runs under a GIL, as
// CPython's eval loop checks between bytecodes. Under one GIL, threads running CPUWork take
// turns; in parallel they use every core. It returns a checksum of the work (so it cannot be
// skipped), or ErrInterrupted when Interrupt stopped it early.
func CPUWork(units int) (uint64, error) {
	gil := Current().gil
	return compute(units, interrupted(), gil.Checkpoint)
}

// NativeWork is CPU work done the way C extensions do it — hashlib hashing a large buffer,
// zlib compressing, NumPy on a large array: the calling thread lets go of its GIL for the
// whole computation (Py_BEGIN_ALLOW_THREADS) and takes it back at the end. So threads running
// NativeWork under one GIL compute in parallel on every core, as CPython threads calling such
// code do, while CPUWork (Python bytecode) takes turns. It returns CPUWork's checksum for the
// same units, or ErrInterrupted when Interrupt stopped it early.
func NativeWork(units int) (uint64, error) {
	var sum uint64
	err := withoutGIL(func(_ *Thread, stop <-chan struct{}) error {
		var err error
		sum, err = compute(units, stop, func() {})
		return err
	})
	return sum, err
}

// compute runs units of work, calling between after each and stopping early with
// ErrInterrupted when stop closes.
func compute(units int, stop <-chan struct{}, between func()) (uint64, error) {
	var sum uint64
	for u := 0; u < units; u++ {
		sum += mix(uint64(u))
		between()
		if isClosed(stop) {
			return sum, ErrInterrupted
		}
	}
	return sum, nil
}

// mix runs unitRounds rounds of xorshift on x.
func mix(x uint64) uint64 {
	x ^= 0x9e3779b97f4a7c15
	for i := 0; i < unitRounds; i++ {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
	}
	return x
}

// IOWork is a ready-made I/O-bound workload: it waits for d as a read from a slow disk or
// network would, letting go of the GIL meanwhile, so that threads doing IOWork overlap even
// under one GIL. It returns ErrInterrupted when Interrupt woke it.
func IOWork(d time.Duration) error {
	return Sleep(d)
}

// Measure runs f and returns how long it took.
func Measure(f func()) time.Duration {
	start := time.Now()
	f()
	return time.Since(start)
}
