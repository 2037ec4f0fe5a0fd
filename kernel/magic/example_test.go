package magic_test

import (
	"context"
	"fmt"

	"github.com/concurlab/concurlab/kernel/engine"
	"github.com/concurlab/concurlab/kernel/magic"
)

// echo is an engine that prints each cell it runs.
type echo struct{ engine.Engine }

func (echo) Execute(_ context.Context, req engine.ExecuteRequest, out engine.Output) engine.ExecuteReply {
	out.Stream("stdout", fmt.Sprintf("running %q\n", req.Code))
	return engine.ExecuteReply{}
}

// printer is an engine.Output that prints streams.
type printer struct{ engine.Output }

func (printer) Stream(_, text string) { fmt.Print(text) }

func ExampleWrap() {
	e := magic.Wrap(echo{})
	e.Execute(context.Background(), engine.ExecuteRequest{Code: "%env GREETING=hello\nfmt.Println(1)"}, printer{})
	reply := e.Execute(context.Background(), engine.ExecuteRequest{Code: "%timeit"}, printer{})
	fmt.Println(reply.Error.Name)
	// Output:
	// env: GREETING=hello
	// running "                   \nfmt.Println(1)"
	// UsageError
}
