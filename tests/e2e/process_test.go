package e2e

import (
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/concurlab/concurlab/kernel/client"
)

// processCells declare what the processes of the pools below run.
const processCells = `import (
	"concur"
	"fmt"
	"os"
	"strings"
)

var counter int

func square(n int) int { return n * n }
func count() string { counter++; return fmt.Sprintf("%p %d %d", &counter, counter, os.Getpid()) }
func scale(xs []int) []int {
	for i := range xs {
		xs[i] *= 10
	}
	return xs
}
func boom(i int) int { return []int{1}[i] }
func block() { select {} }`

// startPool runs a cell that starts a real process pool of n processes as pool, and returns
// their PIDs.
func startPool(t *testing.T, k *client.Client, n int) []int {
	t.Helper()
	c := run(t, k, fmt.Sprintf("pool, err := concur.StartProcesses(%d)\nif err != nil { panic(err) }\nfmt.Print(pool.PIDs())", n))
	if c.status() != "ok" {
		t.Fatalf("starting a pool: %v", c.reply)
	}
	var pids []int
	for _, f := range strings.Fields(strings.Trim(c.stdout, "[]")) {
		pid, err := strconv.Atoi(f)
		if err != nil {
			t.Fatalf("PIDs %q: %v", c.stdout, err)
		}
		pids = append(pids, pid)
	}
	if len(pids) != n {
		t.Fatalf("PIDs %q, want %d", c.stdout, n)
	}
	return pids
}

// parent returns the parent PID of pid, from /proc.
func parent(t *testing.T, pid int) int {
	t.Helper()
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		t.Fatal(err)
	}
	// pid (comm) state ppid ...; comm may hold spaces, so read after its last ')'.
	fields := strings.Fields(string(b[strings.LastIndexByte(string(b), ')')+1:]))
	ppid, err := strconv.Atoi(fields[1])
	if err != nil {
		t.Fatal(err)
	}
	return ppid
}

// allGone fails t unless every one of pids has exited and been reaped (a zombie still
// answers kill 0).
func allGone(t *testing.T, what string, pids []int) {
	t.Helper()
	for _, pid := range pids {
		if !gone(pid) {
			t.Errorf("%s: process %d is still there", what, pid)
		}
	}
}

// A real process pool started from a cell: its processes are children of the worker with
// their own PIDs and memory, arguments are copied, a panic is an error of its call, and
// Close, Interrupt, %reset and the worker's death each leave no process behind.
func TestRealProcessPool(t *testing.T) {
	k := startKernel(t)
	worker := workerPID(t, k)
	if c := run(t, k, processCells); c.status() != "ok" {
		t.Fatalf("declarations: %v", c.reply)
	}
	pids := startPool(t, k, 2)
	if pids[0] == pids[1] || slices.Contains(pids, worker) {
		t.Errorf("PIDs %v: want two distinct, not the worker's %d", pids, worker)
	}
	for _, pid := range pids {
		if p := parent(t, pid); p != worker {
			t.Errorf("process %d's parent is %d, not the worker %d", pid, p, worker)
		}
	}
	mustResult(t, k, "var sq int\nerr = pool.Call(\"square\", 7, &sq)\nsq", "49")
	mustResult(t, k, "xs := []int{1, 2}\nvar ys []int\nerr = pool.Call(\"scale\", xs, &ys)\nfmt.Sprint(xs, ys, err)", `"[1 2] [10 20] <nil>"`)

	// Four calls, two on each process: each counts in its own counter.
	c := run(t, k, `replies := make([]string, 4)
for i := range replies {
	if err := pool.Call("count", nil, &replies[i]); err != nil { panic(err) }
}
var more []string
fa, fb := pool.Go("count", nil, new(string)), pool.Go("count", nil, new(string))
for _, f := range []*concur.Future{fa, fb} {
	v, err := f.Result()
	if err != nil { panic(err) }
	more = append(more, *v.(*string))
}
fmt.Println(strings.Join(append(replies, more...), "\n"))
fmt.Println("ours:", counter)`)
	if c.status() != "ok" {
		t.Fatalf("count: %v", c.reply)
	}
	t.Logf("address, count, pid of each call:\n%s", c.stdout)
	counts := map[string][]string{} // pid: the counts it returned
	for _, line := range strings.Split(strings.TrimSpace(c.stdout), "\n") {
		if f := strings.Fields(line); len(f) == 3 {
			counts[f[2]] = append(counts[f[2]], f[1])
		}
	}
	total := 0
	for pid, cs := range counts {
		slices.Sort(cs) // the two futures may have run on one process in either order
		for i, n := range cs {
			if n != strconv.Itoa(i+1) {
				t.Errorf("process %s counted %v, want 1, 2, …", pid, cs)
			}
		}
		total += len(cs)
	}
	if total != 6 || !strings.Contains(c.stdout, "ours: 0") {
		t.Errorf("counts %v, output %q: want 6 calls counted in the processes and ours at 0", counts, c.stdout)
	}

	// A panic in a process is the error of its call; the pool and the session go on.
	c = run(t, k, "fmt.Println(pool.Call(\"boom\", 3, nil))")
	contains(t, "the panic's call", c.stdout, "boom panicked in process", "runtime error: index out of range")
	mustResult(t, k, "err = pool.Call(\"square\", 3, &sq)\nsq", "9")

	run(t, k, "pool.Close()")
	allGone(t, "Close", pids)

	pids = startPool(t, k, 2)
	c, _ = interruptAfter(t, k, "pool.Call(\"block\", nil, nil)", 300*time.Millisecond)
	if c.ename() != "Interrupted" {
		t.Fatalf("interrupting a call: %v", c.reply)
	}
	allGone(t, "the interrupt", pids)
	mustResult(t, k, "square(5)", "25")

	pids = startPool(t, k, 1)
	if c := run(t, k, "%reset"); c.status() != "ok" {
		t.Fatalf("%%reset: %v", c.reply)
	}
	allGone(t, "%reset", pids)

	run(t, k, processCells)
	pids = startPool(t, k, 2)
	if err := syscall.Kill(workerPID(t, k), syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	for _, pid := range pids {
		waitGone(t, pid)
	}
}

// A compiled program has no way to start a copy of the session: StartProcesses says so.
func TestRealProcessPoolInCompiledCell(t *testing.T) {
	_, k := startProcess(t, compileEnv(t))
	c := run(t, k, "%%compile\nimport (\n\t\"concur\"\n\t\"fmt\"\n)\n_, err := concur.StartProcesses(1)\nfmt.Println(err)")
	contains(t, "the compiled cell", c.stdout, "real process pools run only in interpreted cells of ConcurLab")
}
