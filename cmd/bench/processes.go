package main

import (
	"bufio"
	"encoding/gob"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"time"

	"github.com/concurlab/concurlab/concur"
)

// childEnv makes the benchmark's own binary a child process for the process figures: "exit"
// ends at once (a process start), "echo" copies its stdin to its stdout (a worker that sends
// back what it gets).
const childEnv = "CONCURLAB_BENCH_CHILD"

// runChild runs the child process named by childEnv, if it is one, and reports whether it was.
func runChild() bool {
	switch os.Getenv(childEnv) {
	case "exit":
		return true
	case "echo":
		_, _ = io.Copy(os.Stdout, os.Stdin)
		return true
	}
	return false
}

// processCosts are real processes' costs, to compare with concur's ProcessCosts.
type processCosts struct {
	startUp, perTask, perKiB time.Duration
}

// bigInts is the size of the large message of the copying figure: 131072 ints, 1 MiB of Go
// ints, sent to a worker and back (2 MiB copied).
const bigInts = 1 << 17

// measureGoProcesses measures processes of the benchmark's own binary, a small Go program:
// fork, exec and wait (median of starts), a small gob message's round trip through the pipes
// of a child that echoes it, and the same for bigInts ints, per KiB copied.
func measureGoProcesses(starts int) (processCosts, error) {
	self, err := os.Executable()
	if err != nil {
		return processCosts{}, err
	}
	child := func(mode string) *exec.Cmd {
		cmd := exec.Command(self)
		cmd.Env = append(os.Environ(), childEnv+"="+mode)
		return cmd
	}
	var startTimes []time.Duration
	for range starts {
		began := time.Now()
		if err := child("exit").Run(); err != nil {
			return processCosts{}, err
		}
		startTimes = append(startTimes, time.Since(began))
	}
	echo := child("echo")
	in, err := echo.StdinPipe()
	if err != nil {
		return processCosts{}, err
	}
	out, err := echo.StdoutPipe()
	if err != nil {
		return processCosts{}, err
	}
	if err := echo.Start(); err != nil {
		return processCosts{}, err
	}
	defer echo.Wait()
	defer in.Close()
	enc, dec := gob.NewEncoder(in), gob.NewDecoder(bufio.NewReader(out))
	trip := func(v []int) (time.Duration, error) {
		began := time.Now()
		sent := make(chan error, 1)
		go func() { sent <- enc.Encode(v) }() // the pipes hold less than a large message
		var back []int
		if err := dec.Decode(&back); err != nil {
			return 0, err
		}
		if err := <-sent; err != nil {
			return 0, err
		}
		return time.Since(began), nil
	}
	small, big := make([]int, 1), make([]int, bigInts)
	for i := range big {
		big[i] = i * 7919
	}
	var smallTrips, bigTrips []time.Duration
	for i := range 200 {
		d, err := trip(small)
		if err != nil {
			return processCosts{}, err
		}
		smallTrips = append(smallTrips, d)
		if i%10 == 0 {
			if d, err = trip(big); err != nil {
				return processCosts{}, err
			}
			bigTrips = append(bigTrips, d)
		}
	}
	return processCosts{median(startTimes), median(smallTrips), median(bigTrips) / (2 * bigInts * 8 / 1024)}, nil
}

// pythonPoolScript measures CPython's ProcessPoolExecutor (start method fork) and prints the
// figures as JSON, in seconds: the time of a pool of 4 workers less that of 1, per extra
// worker; a submit-and-result round trip; and a list of bigInts ints sent and returned.
const pythonPoolScript = `
import json, sys, time
import multiprocessing as mp
from concurrent.futures import ProcessPoolExecutor
def nap(x):
    time.sleep(0.05)
    return x
def same(x):
    return x
if __name__ == "__main__":
    ctx = mp.get_context("fork")
    def pool_time(workers):
        best = None
        for _ in range(3):
            began = time.perf_counter()
            with ProcessPoolExecutor(workers, mp_context=ctx) as ex:
                list(ex.map(nap, range(workers)))
            t = time.perf_counter() - began - 0.05
            best = t if best is None else min(best, t)
        return best
    start = (pool_time(4) - pool_time(1)) / 3
    with ProcessPoolExecutor(1, mp_context=ctx) as ex:
        ex.submit(same, 0).result()
        began = time.perf_counter()
        for _ in range(200):
            ex.submit(same, 0).result()
        trip = (time.perf_counter() - began) / 200
        big = list(range(int(sys.argv[1])))
        began = time.perf_counter()
        for _ in range(5):
            ex.submit(same, big).result()
        big_trip = (time.perf_counter() - began) / 5
    print(json.dumps({"start": start, "trip": trip, "big_trip": big_trip}))
`

// measurePythonPool runs pythonPoolScript with python.
func measurePythonPool(python string) (processCosts, error) {
	out, err := exec.Command(python, "-c", pythonPoolScript, fmt.Sprint(bigInts)).Output()
	if err != nil {
		return processCosts{}, fmt.Errorf("%s: %w", python, err)
	}
	var r struct {
		Start   float64 `json:"start"`
		Trip    float64 `json:"trip"`
		BigTrip float64 `json:"big_trip"`
	}
	if err := json.Unmarshal(out, &r); err != nil {
		return processCosts{}, fmt.Errorf("%s printed %q: %w", python, out, err)
	}
	seconds := func(s float64) time.Duration { return time.Duration(s * float64(time.Second)) }
	return processCosts{seconds(r.Start), seconds(r.Trip), seconds(r.BigTrip) / (2 * bigInts * 8 / 1024)}, nil
}

// processRows measures real processes and puts them, and the real process pool that a cell
// started (pool), beside concur's ProcessCosts.
func processRows(cfg config, python string, pool result[realPoolRun]) table {
	logf("process costs")
	goCosts, goErr := measureGoProcesses(cfg.starts * 2)
	pyCosts, pyErr := measurePythonPool(python)
	if pyErr != nil {
		logf("process costs of Python: %v", pyErr)
	}
	if goErr != nil {
		logf("process costs of Go: %v", goErr)
	}
	var t table
	add := func(who string, measured processCosts, err error, model concur.ProcessCosts, modelName string) {
		for _, f := range []struct {
			figure          string
			measured, model time.Duration
		}{
			{"start one worker process", measured.startUp, model.StartUp},
			{"a small task's round trip", measured.perTask, model.PerTask},
			{"copy 1 KiB of ints (1 MiB there and back)", measured.perKiB, model.PerKiB},
		} {
			r := row{Figure: "process costs, " + who + ": " + f.figure, Ours: "failed",
				Peer: modelName + " " + nsPerOp(float64(f.model))}
			if err == nil {
				r.Ours = nsPerOp(float64(f.measured))
				r.Ratio = ratio(float64(f.measured), float64(f.model))
			}
			t = append(t, r)
		}
	}
	add("Go binary (fork/exec/wait; gob through pipes)", goCosts, goErr, concur.GoProcessCosts(), "GoProcessCosts")
	add("Python ProcessPoolExecutor (fork)", pyCosts, pyErr, concur.PythonProcessCosts(), "PythonProcessCosts")
	add("real process pool (concur.StartProcesses in a cell)",
		pool.v.costs, pool.err, concur.PythonProcessCosts(), "PythonProcessCosts")
	t = append(t, row{Figure: "process costs, real process pool: a 1 MiB []byte there and back (2 MiB copied)",
		Ours: show(pool, func(r realPoolRun) string { return ms(r.mib) })})
	return t
}
