package e2e

import "testing"

// A cell whose goroutines all wait on each other ends by itself with Go's own words.
func TestDeadlocksAreReported(t *testing.T) {
	k := startKernel(t)
	run(t, k, "import \"sync\"\nkept := 41")
	tests := []struct {
		name  string
		code  string
		waits string
	}{
		{"receive nobody sends", "ch := make(chan int)\n<-ch", "chan receive"},
		{"send nobody receives", "ch := make(chan int)\nch <- 1", "chan send"},
		{"lock taken twice", "var mu sync.Mutex\nmu.Lock()\nmu.Lock()", "Lock"},
		{"goroutines waiting on each other", "a, b := make(chan int), make(chan int)\ngo func() { <-a; b <- 1 }()\n<-b", "chan receive"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := run(t, k, tt.code)
			if c.status() != "error" || c.ename() != "Deadlock" {
				t.Fatalf("status %s ename %s, want Deadlock; reply %v", c.status(), c.ename(), c.reply)
			}
			contains(t, "traceback", c.traceback(), "all goroutines are asleep - deadlock!", tt.waits)
			mustResult(t, k, "kept + 1", "42")
		})
	}
}
