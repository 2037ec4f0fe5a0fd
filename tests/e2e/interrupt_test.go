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
