package compiled_test

import (
	"context"
	"fmt"
	"os"

	"github.com/concurlab/concurlab/kernel/compiled"
	"github.com/concurlab/concurlab/kernel/engine/enginetest"
)

// A cell of statements, with an earlier cell's import and function, built and run.
func ExampleCompiler_Execute() {
	cache, err := os.MkdirTemp("", "compiled-example")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(cache)
	c := &compiled.Compiler{Cache: cache}
	src := compiled.Source{
		Cell: []compiled.Piece{{Kind: compiled.Statements, Text: "fmt.Println(greet(\"gopher\"))\nfmt.Println(undefinedHere)", Cell: 3, Line: 1, Col: 1}},
		Earlier: []compiled.Piece{
			{Kind: compiled.Import, Text: `import "fmt"`},
			{Kind: compiled.Declaration, Text: `func greet(name string) string { return "hello, " + name }`, Cell: 1, Line: 1, Col: 1, Declares: []string{"greet"}},
		},
	}
	out := &enginetest.Recorder{}
	reply := c.Execute(context.Background(), compiled.Request{Cell: 3, Source: src}, out)
	fmt.Println(reply.Error.Name + ": " + reply.Error.Value)

	src.Cell[0].Text = "fmt.Println(greet(\"gopher\"))"
	reply = c.Execute(context.Background(), compiled.Request{Cell: 4, Source: src}, out)
	fmt.Print(out.Text("stdout"))
	fmt.Println(reply.Error == nil)
	// Output:
	// CompileError: In[3] line 2:13: undefined: undefinedHere
	// hello, gopher
	// true
}
