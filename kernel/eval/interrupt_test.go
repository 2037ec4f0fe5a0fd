package eval

import (
	"strings"
	"testing"
	"time"
)

// promptly bounds how long Execute may take after the cancel; generous for a busy machine.
const promptly = 2 * time.Second

func TestInterrupt(t *testing.T) {
	cases := []struct{ name, code string }{
		{"endless loop", `for {}`},
		{"loop calling functions", `for { n = bump(n) }`},
		{"blocked channel receive", `ch := make(chan int)
<-ch`},
		{"empty select", `select {}`},
		{"select over channels", `a, b := make(chan int), make(chan int)
select {
case <-a:
case b <- n:
}`},
		{"goroutines in one select", `c := make(chan int)
for range 4 {
	go func() {
		select {
		case c <- n:
		case <-c:
		}
	}()
}
select { case <-make(chan bool): }`},
		{"long sleep", `time.Sleep(time.Hour)`},
		{"wait group of a goroutine that never finishes", `var wg sync.WaitGroup
wg.Add(1)
go func() { for {} }()
wg.Wait()`},
		{"mutex held forever", `var mu sync.Mutex
mu.Lock()
mu.Lock()`},
		{"redefinition whose initializer blocks", `var n = <-make(chan int)`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := newHarness(t, Options{DeadlockAfter: -1})
			h.mustExec(`import ("sync"; "time")`)
			h.mustExec(`func bump(v int) int { return v + 1 }`)
			h.mustExec(`n := 41`)
			r, took := h.interruptAfter(c.code, 100*time.Millisecond)
			if r.reply.Error == nil || r.reply.Error.Name != "Interrupted" {
				t.Fatalf("reply error = %+v, want Interrupted", r.reply.Error)
			}
			if took > promptly {
				t.Errorf("Execute returned %v after the interrupt, want under %v", took, promptly)
			}
			if got := h.mustExec(`bump(1) + 0*n`).result(); got != "2" {
				t.Errorf("after the interrupt bump(1) = %q, want 2", got)
			}
			if got := h.mustExec(`n > 40`).result(); got != "true" {
				t.Errorf("after the interrupt n > 40 = %q, want true", got)
			}
		})
	}
}

func TestZombieDoesNotResume(t *testing.T) {
	h := newHarness(t, Options{DeadlockAfter: -1})
	h.mustExec(`import ("fmt"; "sync")`)
	r, _ := h.interruptAfter(`var mu sync.Mutex
mu.Lock()
go func() { mu.Lock(); fmt.Println("zombie resumed") }()
for {}`, 100*time.Millisecond)
	if r.reply.Error == nil || r.reply.Error.Name != "Interrupted" {
		t.Fatalf("reply error = %+v, want Interrupted", r.reply.Error)
	}
	for i := 0; i < 3; i++ {
		if out := h.mustExec(`fmt.Print("")`).out.Text("stdout"); strings.Contains(out, "zombie") {
			t.Fatalf("a goroutine of the interrupted cell resumed: %q", out)
		}
	}
}

// A goroutine of an interrupted cell that waits in a select on a session's channel does not
// take what a later cell sends on it.
func TestSelectOfInterruptedCellTakesNothing(t *testing.T) {
	h := newHarness(t, Options{DeadlockAfter: -1})
	h.mustExec(`import ("fmt"; "time")`)
	h.mustExec(`c := make(chan int, 1)`)
	r, _ := h.interruptAfter(`go func() {
	select {
	case v := <-c:
		fmt.Println("zombie got", v)
	case <-time.After(time.Hour):
	}
}()
select {}`, 100*time.Millisecond)
	if r.reply.Error == nil || r.reply.Error.Name != "Interrupted" {
		t.Fatalf("reply error = %+v, want Interrupted", r.reply.Error)
	}
	out := h.mustExec(`c <- 5
time.Sleep(50 * time.Millisecond)
fmt.Println(len(c), <-c)`).out.Text("stdout")
	if out != "1 5\n" {
		t.Errorf("after the interrupt the cell printed %q, want \"1 5\\n\" (the value still in c)", out)
	}
}

// A ticker of an earlier cell, stopped, may be what wakes a cell whose goroutines all wait:
// the cell is not ended as deadlocked, but told after a while that it may be, and how to stop
// it.
func TestBlockedBesideATickerIsToldHowToStop(t *testing.T) {
	h := newHarness(t, Options{})
	h.mustExec(`import "time"`)
	h.mustExec(`tick := time.NewTicker(time.Millisecond)
<-tick.C
tick.Stop()`)
	r, _ := h.interruptAfter(`answer := make(chan string)
answer <- "42"`, clockHintAfter+time.Second)
	if r.reply.Error == nil || r.reply.Error.Name != "Interrupted" {
		t.Fatalf("reply error = %+v, want Interrupted (not a deadlock: the ticker might still wake it)", r.reply.Error)
	}
	if got := r.out.Text("stderr"); !strings.Contains(got, "may still wake them") || !strings.Contains(got, "interrupt the kernel") {
		t.Errorf("stderr = %q, want the hint that the cell may be deadlocked", got)
	}
}

func TestLocksAreNotCopiedByRebuild(t *testing.T) {
	h := newHarness(t, Options{DeadlockAfter: -1})
	h.mustExec(`import "sync"`)
	h.mustExec(`var mu sync.Mutex`)
	h.mustExec(`shared := &sync.Mutex{}`)
	h.mustExec(`mu.Lock()`)
	h.mustExec(`func f() {}`)
	r := h.mustExec(`import "fmt"
func f() { fmt.Print() }`)
	if got := r.out.Text("stderr"); !strings.Contains(got, "mu") {
		t.Errorf("stderr = %q, want mu named as reset", got)
	}
	if got := h.mustExec(`mu.TryLock()`).result(); got != "true" {
		t.Errorf("mu.TryLock() = %s after the rebuild, want true (a fresh mutex)", got)
	}
	if got := h.mustExec(`shared.TryLock()`).result(); got != "true" {
		t.Errorf("shared.TryLock() = %s, want true", got)
	}
}

func TestDeadlock(t *testing.T) {
	cases := []struct {
		name, code string
		want       []string
	}{
		{"receive with no sender", `ch := make(chan int)
<-ch`, []string{"[chan receive]: the cell itself"}},
		{"goroutines waiting on each other", `import "sync"
a, b := make(chan int), make(chan int)
var wg sync.WaitGroup
wg.Add(2)
go func() { defer wg.Done(); <-a; b <- 1 }()
go func() { defer wg.Done(); <-b; a <- 1 }()
wg.Wait()`, []string{"[sync.WaitGroup.Wait]: the cell itself", "[chan receive]: the goroutine started at In[1] line 5",
			"[chan receive]: the goroutine started at In[1] line 6"}},
		{"many goroutines waiting on one channel", `ch := make(chan int)
for i := 0; i < 100; i++ { go func() { <-ch }() }
<-ch`, []string{"[chan receive]: the cell itself", "[chan receive]: the goroutine started at In[1] line 2"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := newHarness(t, Options{DeadlockAfter: 300 * time.Millisecond})
			start := time.Now()
			r, _ := h.interruptAfter(c.code, 20*time.Second)
			if r.reply.Error == nil || r.reply.Error.Name != "Deadlock" {
				t.Fatalf("reply error = %+v, want Deadlock", r.reply.Error)
			}
			if took := time.Since(start); took > 10*time.Second {
				t.Errorf("the deadlock took %v to be reported", took)
			}
			text := r.errorText()
			for _, w := range append(c.want, "all goroutines are asleep - deadlock!") {
				if !strings.Contains(text, w) {
					t.Errorf("error = %q, want it to contain %q", text, w)
				}
			}
			if got := h.mustExec(`1 + 1`).result(); got != "2" {
				t.Errorf("after the deadlock 1 + 1 = %q", got)
			}
		})
	}
}

func TestWaitingForATimerIsNotDeadlock(t *testing.T) {
	cases := []struct{ name, code, want string }{
		{"sleep", `import "time"
ch := make(chan int)
go func() { time.Sleep(600 * time.Millisecond); ch <- 7 }()
<-ch`, "7"},
		{"time.After", `import "time"
select {
case <-time.After(600 * time.Millisecond):
}
8`, "8"},
		{"context timeout", `import ("context"; "time")
ctx, cancel := context.WithTimeout(context.Background(), 600*time.Millisecond)
defer cancel()
<-ctx.Done()
ctx.Err()`, "context deadline exceeded"},
		{"concur.Sleep", `import ("concur"; "time")
concur.Sleep(600 * time.Millisecond)
9`, "9"},
		{"a mailbox receive with a timeout", `import ("concur"; "time")
mb := concur.NewMailbox(0)
_, err := mb.ReceiveTimeout(600 * time.Millisecond)
err`, "concur: timed out"},
		{"a queue put with a timeout behind a sleeping consumer", `import ("concur"; "time")
q := concur.NewQueue(1)
q.Put(1)
concur.Go(func() { concur.Sleep(600 * time.Millisecond); q.Get() })
q.Put(2)
q.Len()`, "1"},
		{"peak shaving", `import ("concur"; "fmt"; "time")
q, err := concur.PeakShaving(4, 2, 200*time.Millisecond)
fmt.Sprint(len(q.Depths()), err)`, "\"8 <nil>\""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := newHarness(t, Options{DeadlockAfter: 100 * time.Millisecond})
			if got := h.mustExec(c.code).result(); got != c.want {
				t.Errorf("result = %q, want %q", got, c.want)
			}
		})
	}
}

func TestPendingTimerOfAnOldCellEndsWithItsInterpreter(t *testing.T) {
	cases := []struct {
		name  string
		clear func(t *testing.T, h *harness)
	}{
		{"interrupt", func(t *testing.T, h *harness) {
			if r, _ := h.interruptAfter(`<-make(chan int)`, 300*time.Millisecond); r.reply.Error == nil || r.reply.Error.Name != "Interrupted" {
				t.Fatalf("reply error = %+v, want Interrupted (the timer is pending)", r.reply.Error)
			}
		}},
		{"reset", func(_ *testing.T, h *harness) { h.s.Reset() }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := newHarness(t, Options{DeadlockAfter: 100 * time.Millisecond})
			h.mustExec(`import "time"
done := make(chan bool)
close(done)
select {
case <-done:
case <-time.After(time.Hour):
}`)
			c.clear(t, h)
			r, _ := h.interruptAfter(`<-make(chan int)`, 10*time.Second)
			if r.reply.Error == nil || r.reply.Error.Name != "Deadlock" {
				t.Errorf("reply error = %+v, want Deadlock", r.reply.Error)
			}
		})
	}
}
