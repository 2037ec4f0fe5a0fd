package eval

import (
	"strings"
	"testing"
	"time"
)

func TestGoroutines(t *testing.T) {
	runCases(t, Options{}, []cellCase{
		{name: "three-clause loop variable per iteration", code: `import ("sort"; "sync")
var mu sync.Mutex
var wg sync.WaitGroup
seen := []int{}
for i := 0; i < 5; i++ {
	wg.Add(1)
	go func() { defer wg.Done(); mu.Lock(); seen = append(seen, i); mu.Unlock() }()
}
wg.Wait()
sort.Ints(seen)
seen`, result: "[0 1 2 3 4]"},
		{name: "range loop variables per iteration", code: `funcs := []func() string{}
for i, v := range []string{"a", "b", "c"} {
	funcs = append(funcs, func() string { return v + string(rune('0'+i)) })
}
out := ""
for _, f := range funcs { out += f() }
out`, result: `"a0b1c2"`},
		{name: "closures handed to compiled code see their own iteration", code: `import ("concur"; "sort")
threads := []*concur.Thread{}
got := make(chan int, 3)
for i := 0; i < 3; i++ {
	threads = append(threads, concur.Go(func() { got <- i }))
}
for _, t := range threads { t.Join() }
seen := []int{<-got, <-got, <-got}
sort.Ints(seen)
seen`, result: "[0 1 2]"},
		{name: "go statement arguments are evaluated at once", code: `import "sync"
var wg sync.WaitGroup
got := make([]int, 3)
for k := 0; k < 3; k++ {
	wg.Add(1)
	go func(slot, value int) { defer wg.Done(); got[slot] = value }(k, k*10)
}
wg.Wait()
got`, result: "[0 10 20]"},
		{name: "go with literal argument of another type", code: `import "sync"
var wg sync.WaitGroup
var f float64
wg.Add(1)
go func(x float64) { defer wg.Done(); f = x }(1)
wg.Wait()
f`, result: "1"},
		{name: "loop assigning its variable gets a warning", code: `fs := []func() int{}
for i := 0; i < 3; i++ {
	fs = append(fs, func() int { return i })
	i++
}`, stderr: "In[1] line 2:1: warning: the closures of this loop share one variable i"},
		{name: "goroutine panic is contained and reported", code: `import "time"
go func() {
	panic("worker failed")
}()
time.Sleep(100 * time.Millisecond)`, err: "worker failed\n\x1b[0;31mpanic\x1b[0m: worker failed\n  in the goroutine started by the go statement at In[1] line 2"},
		{name: "goroutine panic of a named func", setup: []string{`func crash(msg string) { panic(msg) }`}, code: `import "time"
go crash("named")
time.Sleep(100 * time.Millisecond)
1`, result: "", err: "panic: named"},
	})
}

func TestGoroutinePanicBetweenCellsIsShownNext(t *testing.T) {
	h := newHarness(t, Options{})
	h.mustExec(`import "time"`)
	h.mustExec(`go func() { time.Sleep(100 * time.Millisecond); panic("later") }()`)
	time.Sleep(300 * time.Millisecond)
	r := h.mustExec(`1`)
	if got := r.out.Text("stderr"); !strings.Contains(got, "printed after In[2] finished") || !strings.Contains(got, "later") {
		t.Errorf("stderr = %q, want the late panic under a header", got)
	}
	if got := r.result(); got != "1" {
		t.Errorf("result = %q, want 1", got)
	}
}

func TestLateOutputShownAtNextCell(t *testing.T) {
	h := newHarness(t, Options{})
	h.mustExec(`import ("fmt"; "os"; "time")`)
	first := h.mustExec(`go func() {
	time.Sleep(100 * time.Millisecond)
	fmt.Println("late stdout")
	fmt.Fprintln(os.Stderr, "late stderr")
}()
"started"`)
	if strings.Contains(first.out.Text("stdout"), "late") {
		t.Fatal("late output arrived before the goroutine printed it")
	}
	time.Sleep(400 * time.Millisecond)
	r := h.mustExec(`fmt.Println("now")`)
	stdout, stderr := r.out.Text("stdout"), r.out.Text("stderr")
	if !strings.Contains(stderr, "printed after In[2] finished") || !strings.Contains(stderr, "late stderr") {
		t.Errorf("stderr = %q, want the header and the late line", stderr)
	}
	if stdout != "late stdout\nnow\n" {
		t.Errorf("stdout = %q, want the late line before the cell's own", stdout)
	}
}
