package eval

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"
)

// processArg, as the test binary's last argument, makes it a child of a real process pool
// (ServeProcess).
const processArg = "concurlab-eval-test-process"

func TestMain(m *testing.M) {
	if os.Args[len(os.Args)-1] == processArg {
		if err := ServeProcess(os.Stdin); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// processOptions are the options of a session whose process pools are this test binary.
var processOptions = Options{ProcessCommand: []string{os.Args[0], processArg}}

// processDecls are the declarations that the tests' children replay.
const processDecls = `import (
	"concur"
	"fmt"
	"os"
)

var counter int

type point struct{ X, Y int }

func square(n int) int { return n * n }
func flip(p point) point { return point{p.Y, p.X} }
func scale(xs []int) []int {
	for i := range xs {
		xs[i] *= 10
	}
	return xs
}
func count() string { counter++; return fmt.Sprintf("%p %d", &counter, counter) }
func boom(i int) int { return []int{1}[i] }
func hello() { fmt.Println("hello from a process") }
func block() { select {} }
`

// pids reads the PIDs a cell printed as "pids: [1 2]".
func pids(t *testing.T, out string) []int {
	t.Helper()
	_, list, ok := strings.Cut(out, "pids: [")
	if !ok {
		t.Fatalf("no pids in %q", out)
	}
	list, _, _ = strings.Cut(list, "]")
	var ps []int
	for _, f := range strings.Fields(list) {
		pid, err := strconv.Atoi(f)
		if err != nil {
			t.Fatal(err)
		}
		ps = append(ps, pid)
	}
	return ps
}

// exists reports whether process pid exists, as a zombie too.
func exists(pid int) bool {
	_, err := os.Stat(fmt.Sprintf("/proc/%d", pid))
	return err == nil
}

func TestProcessPoolInCells(t *testing.T) {
	h := newHarness(t, processOptions)
	h.mustExec(processDecls)
	h.mustExec(`pool, err := concur.StartProcesses(2)
if err != nil { panic(err) }`)
	tests := []struct {
		name, cell, want string
	}{
		{"result", `var sq int; err = pool.Call("square", 7, &sq); fmt.Println(sq, err)`, "49 <nil>\n"},
		{"struct of the session", `var q point; err = pool.Call("flip", point{1, 2}, &q); fmt.Println(q, err)`, "{2 1} <nil>\n"},
		{"arguments are copied", `xs := []int{1, 2}; var ys []int; err = pool.Call("scale", xs, &ys); fmt.Println(xs, ys, err)`,
			"[1 2] [10 20] <nil>\n"},
		{"prints reach the cell", `fmt.Println(pool.Call("hello", nil, nil))`, "hello from a process\n<nil>\n"},
		{"other pids", `fmt.Println(pool.PIDs()[0] != os.Getpid(), pool.PIDs()[1] != os.Getpid(), pool.PIDs()[0] != pool.PIDs()[1])`,
			"true true true\n"},
		{"separate memory", `var a, b string
fa, fb := pool.Go("count", nil, &a), pool.Go("count", nil, &b)
fa.Wait(); fb.Wait()
fmt.Println(a[len(a)-2:], b[len(b)-2:], counter)`, " 1  1 0\n"},
		{"undefined", `fmt.Println(pool.Call("nothing", nil, nil))`,
			"nothing in process "},
		{"not a name", `fmt.Println(pool.Call("os.Exit(1)", nil, nil))`, `"os.Exit(1)" is not the name of a function`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := h.mustExec(tt.cell).out.Text("stdout")
			if !strings.Contains(got, tt.want) {
				t.Errorf("%s printed %q, want %q", tt.cell, got, tt.want)
			}
		})
	}
	// A panic in a process is the call's error; the pool and the session go on.
	out := h.mustExec(`fmt.Println(pool.Call("boom", 3, new(int)))`).out.Text("stdout")
	if !strings.Contains(out, "boom panicked in process") || !strings.Contains(out, "runtime error: index out of range") {
		t.Errorf("panic: %q", out)
	}
	out = h.mustExec(`fmt.Println("pids:", pool.PIDs()); fmt.Println(pool.Call("square", 3, nil)); pool.Close()`).out.Text("stdout")
	for _, pid := range pids(t, out) {
		if exists(pid) {
			t.Errorf("process %d is still there after Close", pid)
		}
	}
}

func TestProcessPoolEndsWithInterruptAndReset(t *testing.T) {
	h := newHarness(t, processOptions)
	h.mustExec(processDecls)
	start := `pool, err := concur.StartProcesses(1)
if err != nil { panic(err) }
fmt.Println("pids:", pool.PIDs())`
	interrupted := pids(t, h.mustExec(start).out.Text("stdout"))
	r, _ := h.interruptAfter(`pool.Call("block", nil, nil)`, 300*time.Millisecond)
	if r.reply.Error == nil || r.reply.Error.Name != "Interrupted" {
		t.Fatalf("the interrupted call: %s", r.errorText())
	}
	if exists(interrupted[0]) {
		t.Errorf("process %d is still there after the interrupt", interrupted[0])
	}
	reset := pids(t, h.mustExec(start).out.Text("stdout"))
	h.s.Reset()
	if exists(reset[0]) {
		t.Errorf("process %d is still there after %%reset", reset[0])
	}
}

func TestProcessPoolWithoutCommand(t *testing.T) {
	h := newHarness(t, Options{})
	out := h.mustExec(`import ("concur"; "fmt")
_, err := concur.StartProcesses(1)
fmt.Println(err)
fmt.Println(concur.ServeProcess(nil))`).out.Text("stdout")
	if !strings.Contains(out, "real process pools run only in interpreted cells of ConcurLab") {
		t.Errorf("StartProcesses without a command: %q", out)
	}
	if !strings.Contains(out, "ServeProcess runs in a child that StartProcesses started, not here") {
		t.Errorf("ServeProcess in a session: %q", out)
	}
}
