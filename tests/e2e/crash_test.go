package e2e

import "testing"

// Each cell breaks the evaluation in its own way; the kernel must answer with an error that
// says what happened, and the session's functions must still be there afterwards.
func TestCellFailuresKeepTheKernel(t *testing.T) {
	k := startKernel(t)
	mustResult(t, k, "func answer() int { return 42 }\nanswer()", "42")
	tests := []struct {
		name      string
		code      string
		ename     string
		explained []string // in the error's traceback
	}{
		{"panic in the cell", "panic(\"boom\")", "panic", []string{"boom", "line 1"}},
		{"runtime error", "var xs []int\nxs[3] = 1", "panic", []string{"index out of range", "line 2"}},
		{"panic in a goroutine", "import \"time\"\ngo func() { panic(\"in a goroutine\") }()\ntime.Sleep(300 * time.Millisecond)", "panic", []string{"in a goroutine", "line 2"}},
		{"concurrent map writes", "m := map[int]int{}\ndone := make(chan bool)\nfor g := 0; g < 2; g++ {\n\tgo func() {\n\t\tfor i := 0; i < 2000000; i++ {\n\t\t\tm[i%64] = i\n\t\t}\n\t\tdone <- true\n\t}()\n}\n<-done\n<-done", "WorkerCrashed", []string{"same map", "sync.Mutex", "replayed"}},
		{"endless recursion", "func down(n int) int { return down(n+1) + 1 }\ndown(0)", "", []string{"recursion"}},
		{"os.Exit", "import \"os\"\nos.Exit(3)", "", []string{"exit"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := run(t, k, tt.code)
			if c.status() != "error" {
				t.Fatalf("status %s, want error; reply %v", c.status(), c.reply)
			}
			if tt.ename != "" && c.ename() != tt.ename {
				t.Errorf("ename %s, want %s", c.ename(), tt.ename)
			}
			if len(c.errors) != 1 {
				t.Errorf("%d error outputs, want 1", len(c.errors))
			}
			contains(t, "traceback", c.traceback(), tt.explained...)
			mustResult(t, k, "answer()", "42")
		})
	}
}
