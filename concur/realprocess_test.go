package concur

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

// counter is the variable whose address and value differ between processes.
var counter int

// childFuncs are the functions that the tests' children serve, by name.
var childFuncs = map[string]any{
	"square": func(n int) int { return n * n },
	"sum":    func(a, b int) int { return a + b },
	"scale": func(xs []int, k int) []int {
		for i := range xs {
			xs[i] *= k // the child's copy
		}
		return xs
	},
	"join":  func(sep string, parts ...string) string { return strings.Join(parts, sep) },
	"check": func(n int) (int, error) { return n, errors.New("no good") },
	"index": func(i int) int { return []int{1, 2, 3}[i] },
	"count": func() string { counter++; return fmt.Sprintf("%p %d", &counter, counter) },
	"pid":   func() int { return os.Getpid() },
	"two":   func() (int, int) { return 1, 2 },
	"any":   func(v any) any { return v },
	"echo":  func(b []byte) []byte { return b },
	"block": func() { select {} },
	"exit":  func() { os.Exit(3) },
	"value": 42,
}

// lookupChildFunc is the lookup of the tests' children.
func lookupChildFunc(name string) (reflect.Value, error) {
	f, ok := childFuncs[name]
	if !ok {
		return reflect.Value{}, fmt.Errorf("undefined: %s", name)
	}
	return reflect.ValueOf(f), nil
}

// startTestChild is the ProcessStarter of the tests: the test binary itself as a child.
func startTestChild() (*exec.Cmd, error) {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Stderr = os.Stderr
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	return cmd, nil
}

func TestMain(m *testing.M) {
	if os.Getenv(processEnv) == "1" { // started by StartProcesses
		if err := ServeProcess(lookupChildFunc); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	SetProcessStarter(startTestChild)
	os.Exit(m.Run())
}

// startPool starts a real pool of n processes, closed when the test ends.
func startPool(t *testing.T, n int) *RealProcessPool {
	t.Helper()
	p, err := StartProcesses(n)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	return p
}

func TestRealProcessPoolCalls(t *testing.T) {
	p := startPool(t, 2)
	tests := []struct {
		name  string
		fn    string
		arg   any
		reply any // a pointer to the zero value of the result's type, or nil
		want  any
		err   string
	}{
		{"one argument", "square", 7, new(int), 49, ""},
		{"several arguments", "sum", Args{2, 3}, new(int), 5, ""},
		{"variadic", "join", Args{"-", []string{"a", "b"}}, new(string), "a-b", ""},
		{"result into a wider type", "square", 3, new(int64), int64(9), ""},
		{"no reply wanted", "square", 2, nil, nil, ""},
		{"returned error", "check", 1, new(int), nil, "check in process "},
		{"panic", "index", 5, new(int), nil, "index panicked in process "},
		{"unknown function", "nope", nil, nil, nil, "undefined: nope"},
		{"not a function", "value", nil, nil, nil, "value is a int, not a function"},
		{"wrong number of arguments", "sum", 1, new(int), nil, "sum takes 2 arguments, not 1"},
		{"argument of the wrong type", "square", "seven", new(int), nil, "argument 1 does not fit parameter 1 of square (int)"},
		{"two results", "two", nil, nil, nil, "two returns 2 results"},
		{"argument that cannot be copied", "square", func() {}, new(int), nil, "argument 1 (func()) cannot be copied to another process"},
		{"result that does not fit", "square", 2, new(string), nil, "the result of square does not fit string"},
		{"reply not a pointer", "square", 2, 0, nil, "Call's reply must be a non-nil pointer, not int"},
		{"interface parameter", "any", 1, nil, nil, "parameter 1 of any is an interface"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := p.Call(tt.fn, tt.arg, tt.reply)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("Call(%q) = %v, want an error with %q", tt.fn, err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if tt.reply != nil {
				if got := reflect.ValueOf(tt.reply).Elem().Interface(); got != tt.want {
					t.Errorf("Call(%q) stored %v, want %v", tt.fn, got, tt.want)
				}
			}
		})
	}
	var n int
	if err := p.Call("square", 4, &n); err != nil || n != 16 {
		t.Errorf("after the failures: %d, %v; want 16", n, err)
	}
}

func TestRealProcessPoolRemoteErrors(t *testing.T) {
	p := startPool(t, 1)
	err := p.Call("index", 5, new(int))
	var re *RemoteError
	if !errors.As(err, &re) || !re.Panicked || re.PID != p.PIDs()[0] || !strings.Contains(re.Text, "index out of range [5]") {
		t.Fatalf("panic: %#v", err)
	}
	err = p.Call("check", 1, new(int))
	if !errors.As(err, &re) || re.Panicked || re.Text != "no good" {
		t.Fatalf("returned error: %#v", err)
	}
}

func TestRealProcessPoolCopiesArguments(t *testing.T) {
	p := startPool(t, 1)
	xs := []int{1, 2, 3}
	var got []int
	if err := p.Call("scale", Args{xs, 10}, &got); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(xs, []int{1, 2, 3}) || !slices.Equal(got, []int{10, 20, 30}) {
		t.Errorf("caller's %v, result %v; want [1 2 3] unchanged and [10 20 30]", xs, got)
	}
}

func TestRealProcessPoolSeparateMemory(t *testing.T) {
	p := startPool(t, 2)
	pids := p.PIDs()
	if len(pids) != 2 || pids[0] == pids[1] || slices.Contains(pids, os.Getpid()) {
		t.Fatalf("PIDs %v: want two, distinct, not ours (%d)", pids, os.Getpid())
	}
	// Each process counts in its own counter: two calls on each leave each at 2, and ours at 0.
	futures := make([]*Future, 4)
	replies := make([]string, 4)
	for i := range futures {
		futures[i] = p.Go("count", nil, &replies[i])
	}
	for _, f := range futures {
		if _, err := f.Result(); err != nil {
			t.Fatal(err)
		}
	}
	ones := 0
	for _, r := range replies {
		if strings.HasSuffix(r, " 1") {
			ones++
		}
	}
	if ones != 2 || counter != 0 {
		t.Errorf("replies %q (want each process to count 1 then 2), our counter %d", replies, counter)
	}
	var pid int
	if err := p.Call("pid", nil, &pid); err != nil || !slices.Contains(pids, pid) {
		t.Errorf("pid %d, %v; want one of %v", pid, err, pids)
	}
	for _, d := range p.StartUps() {
		if d <= 0 {
			t.Errorf("start-up %v", p.StartUps())
		}
	}
}

// children returns the PIDs of this process's children, from /proc.
func children(t *testing.T) []int {
	t.Helper()
	files, err := filepath.Glob("/proc/self/task/*/children")
	if err != nil {
		t.Fatal(err)
	}
	var pids []int
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			continue // the thread ended
		}
		for _, field := range strings.Fields(string(b)) {
			pid, _ := strconv.Atoi(field)
			pids = append(pids, pid)
		}
	}
	return pids
}

// gone fails t if any of pids is a child of this process or exists at all (a zombie).
func gone(t *testing.T, pids []int) {
	t.Helper()
	for _, pid := range pids {
		if slices.Contains(children(t), pid) {
			t.Errorf("process %d is still our child", pid)
		}
		if _, err := os.Stat(fmt.Sprintf("/proc/%d", pid)); err == nil {
			t.Errorf("process %d still exists", pid)
		}
	}
}

func TestRealProcessPoolCloseLeavesNoProcess(t *testing.T) {
	p := startPool(t, 3)
	pids := p.PIDs()
	for _, pid := range pids {
		if !slices.Contains(children(t), pid) {
			t.Fatalf("process %d is not our child: %v", pid, children(t))
		}
	}
	blocked := p.Go("block", nil, nil)
	within(t, "Close", func() { p.Close() })
	gone(t, pids)
	if _, err := blocked.Result(); !errors.Is(err, ErrClosed) {
		t.Errorf("the call running at Close: %v, want ErrClosed", err)
	}
	if err := p.Call("square", 2, nil); !errors.Is(err, ErrClosed) {
		t.Errorf("a call after Close: %v, want ErrClosed", err)
	}
}

func TestRealProcessPoolInterrupt(t *testing.T) {
	p := startPool(t, 2)
	pids := p.PIDs()
	blocked := p.Go("block", nil, nil)
	for blocked.State() == Pending {
		Sleep(1)
	}
	Interrupt()
	within(t, "the interrupted call", func() {
		if _, err := blocked.Result(); !errors.Is(err, ErrInterrupted) {
			t.Errorf("the call running at Interrupt: %v, want ErrInterrupted", err)
		}
	})
	within(t, "Close", func() { p.Close() })
	gone(t, pids)
}

func TestRealProcessPoolBreaksWhenAProcessExits(t *testing.T) {
	p := startPool(t, 2)
	err := p.Call("exit", nil, nil)
	if !errors.Is(err, ErrBrokenPool) || !strings.Contains(err.Error(), "exit status 3") {
		t.Fatalf("exit: %v, want ErrBrokenPool with exit status 3", err)
	}
	if err := p.Call("square", 2, nil); !errors.Is(err, ErrBrokenPool) {
		t.Errorf("after: %v, want ErrBrokenPool", err)
	}
	gone(t, p.PIDs())
}

func TestStartProcessesErrors(t *testing.T) {
	if _, err := StartProcesses(0); err == nil {
		t.Error("StartProcesses(0) did not fail")
	}
	SetProcessStarter(nil)
	defer SetProcessStarter(startTestChild)
	if _, err := StartProcesses(1); !errors.Is(err, ErrNoProcessStarter) {
		t.Errorf("without a starter: %v", err)
	}
	SetProcessStarter(func() (*exec.Cmd, error) { return exec.Command("/bin/true"), nil })
	if _, err := StartProcesses(1); err == nil || !strings.Contains(err.Error(), "ended before it was ready: exit status 0") {
		t.Errorf("a child that does not serve: %v", err)
	}
}

func TestServeProcessOutsideAPool(t *testing.T) {
	err := ServeProcess(lookupChildFunc)
	if err == nil || !strings.Contains(err.Error(), "ServeProcess runs in a child that StartProcesses started, not here") {
		t.Errorf("ServeProcess outside a pool: %v", err)
	}
}
