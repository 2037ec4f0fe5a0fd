package enginetest_test

import (
	"fmt"

	"github.com/concurlab/concurlab/kernel/engine"
	"github.com/concurlab/concurlab/kernel/engine/enginetest"
)

// greet stands for a cell: it asks for a name and greets its owner.
func greet(out engine.Output) {
	name, err := out.Input("name? ", false)
	if err != nil {
		out.Stream("stderr", err.Error()+"\n")
		return
	}
	out.Stream("stdout", "hello, ")
	out.Stream("stdout", name+"\n")
}

func ExampleRecorder() {
	out := &enginetest.Recorder{Answers: []string{"Ada"}}
	greet(out)
	greet(out)
	fmt.Printf("prompts: %q\n", out.Prompts())
	fmt.Printf("stream calls: %d\n", len(out.Streams()))
	fmt.Print("stdout: ", out.Text("stdout"))
	fmt.Print("stderr: ", out.Text("stderr"))
	// Output:
	// prompts: ["name? " "name? "]
	// stream calls: 3
	// stdout: hello, Ada
	// stderr: this front end does not accept input (allow_stdin is false)
}
