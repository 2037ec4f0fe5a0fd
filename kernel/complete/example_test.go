package complete_test

import (
	"fmt"
	"reflect"

	"github.com/concurlab/concurlab/kernel/complete"
	"github.com/traefik/yaegi/stdlib"
)

// emptySession is a session with fmt imported and nothing declared.
type emptySession struct{}

func (emptySession) Sources() []string                  { return nil }
func (emptySession) Imports() map[string]string         { return map[string]string{"fmt": "fmt"} }
func (emptySession) Value(string) (reflect.Value, bool) { return reflect.Value{}, false }

func ExampleCompleter_Complete() {
	c := complete.New(stdlib.Symbols)
	code := "fmt.Sprin"
	got := c.Complete(code, len([]rune(code)), emptySession{})
	fmt.Println(got.Matches, got.CursorStart, got.CursorEnd)
	// Output: [Sprint Sprintf Sprintln] 4 9
}

func ExampleCompleter_Inspect() {
	c := complete.New(stdlib.Symbols)
	got := c.Inspect("fmt.Errorf", 6, 0, emptySession{})
	fmt.Println(got.Data["text/plain"].(string)[:48])
	// Output: func Errorf(format string, a ...any) (err error)
}

func ExampleIsComplete() {
	for _, code := range []string{"fmt.Println(1)", "for {", "x := 1)"} {
		fmt.Printf("%q\n", complete.IsComplete(code))
	}
	// Output:
	// {"complete" ""}
	// {"incomplete" "    "}
	// {"invalid" ""}
}
