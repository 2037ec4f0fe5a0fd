package e2e

import (
	"testing"
	"time"
)

// Interrupt stops every kind of stuck cell, and the session's values survive.
func TestInterruptStopsStuckCells(t *testing.T) {
	k := startKernel(t)
	run(t, k, "import (\n\t\"sync\"\n\t\"time\"\n\t\"concur\"\n)\nkept := 41")
	// A goroutine that sleeps keeps the deadlock check from ending blocked cells by itself.
	awake := "go func() { for { time.Sleep(10 * time.Millisecond) } }()\n"
	tests := []struct{ name, code string }{
		{"for {}", "for {\n}"},
		{"a loop calling functions", "func step(i int) int { return i + 1 }\nfor i := 0; ; i = step(i) {\n}"},
		{"blocked channel receive", awake + "ch := make(chan int)\n<-ch"},
		{"select {}", awake + "select {}"},
		{"time.Sleep", "time.Sleep(time.Hour)"},
		{"WaitGroup.Wait", awake + "var wg sync.WaitGroup\nwg.Add(1)\nwg.Wait()"},
		{"concur mailbox", awake + "mb := concur.NewMailbox(0)\nmb.Receive()"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, latency := interruptAfter(t, k, tt.code, 300*time.Millisecond)
			if c.status() != "error" || c.ename() != "Interrupted" {
				t.Fatalf("status %s ename %s, want an Interrupted error; reply %v", c.status(), c.ename(), c.reply)
			}
			t.Logf("interrupt answered in %v", latency)
			if latency > 5*time.Second {
				t.Errorf("the interrupt took %v", latency)
			}
			mustResult(t, k, "kept + 1", "42")
		})
	}
}

// A compiled call that an interrupt cannot stop, and that keeps a core busy, costs the
// worker: it is replaced, and the next cell says so and still has the session's funcs.
func TestInterruptedCompiledComputationReplacesTheWorker(t *testing.T) {
	k := startKernel(t)
	run(t, k, "import \"math/big\"\nfunc answer() int { return 42 }")
	before := workerPID(t, k)
	c, _ := interruptAfter(t, k, "new(big.Int).Exp(big.NewInt(3), big.NewInt(1<<40), nil)", 300*time.Millisecond)
	if c.ename() != "Interrupted" {
		t.Fatalf("ename %s, want Interrupted; reply %v", c.ename(), c.reply)
	}
	waitGone(t, before)
	next := run(t, k, "answer()")
	if next.result != "42" {
		t.Errorf("answer() = %q after the replacement, want 42", next.result)
	}
	contains(t, "the next cell's stderr", next.stderr, "compiled call running")
}
