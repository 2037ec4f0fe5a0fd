package engine_test

import (
	"fmt"

	"github.com/concurlab/concurlab/kernel/engine"
	"github.com/concurlab/concurlab/kernel/engine/enginetest"
)

// A goroutine of In[1] prints after its cell has finished: the gate holds the line and shows it
// at the start of In[2], under a line that says where it came from.
func ExampleGate() {
	var gate engine.Gate
	first := &enginetest.Recorder{}
	gate.Open(first, 1)
	gate.Stream("stdout", "working\n")
	gate.Close()

	gate.Stream("stdout", "done, late\n") // the goroutine, between cells

	second := &enginetest.Recorder{}
	gate.Open(second, 2)
	gate.Stream("stdout", "In[2] runs\n")
	gate.Close()
	fmt.Print(first.Text("stdout"))
	for _, s := range second.Streams() {
		fmt.Printf("%s: %s", s.Name, s.Text)
	}
	// Output:
	// working
	// stderr: ── printed after In[1] finished, by goroutines still running ──
	// stdout: done, late
	// stdout: In[2] runs
}
