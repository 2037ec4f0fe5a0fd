package eval_test

import (
	"context"
	"fmt"
	"log"

	"github.com/concurlab/concurlab/kernel/engine"
	"github.com/concurlab/concurlab/kernel/eval"
)

// printOutput prints what a cell publishes.
type printOutput struct{}

func (printOutput) Stream(name, text string)           { fmt.Printf("%s: %s", name, text) }
func (printOutput) Display(d engine.DisplayData)       { fmt.Println("display:", d.Data["text/plain"]) }
func (printOutput) ClearOutput(bool)                   {}
func (printOutput) Input(string, bool) (string, error) { return "", engine.ErrNoStdin }

func ExampleSession_Execute() {
	s, err := eval.New(eval.Options{})
	if err != nil {
		log.Fatal(err)
	}
	defer s.Shutdown(false)
	cells := []string{
		`import "fmt"
func greet(name string) string { return "hello, " + name }
fmt.Println(greet("gopher"))`,
		// Redefining greet rebuilds the session: callers see the new version.
		`func greet(name string) string { return "bye, " + name }`,
		`greet("gopher")`,
	}
	for i, code := range cells {
		reply := s.Execute(context.Background(), engine.ExecuteRequest{Code: code, ExecutionCount: i + 1}, printOutput{})
		if reply.Result != nil {
			fmt.Println("result:", reply.Result.Data["text/plain"])
		}
	}
	// Output:
	// stdout: hello, gopher
	// result: "bye, gopher"
}
