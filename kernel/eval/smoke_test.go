package eval

import "testing"

func TestSmoke(t *testing.T) {
	h := newHarness(t, Options{})
	for _, code := range []string{
		`import "fmt"
x := 2
func double(n int) int { return 2 * n }
fmt.Println("hi", double(x))
double(x)`,
		`func double(n int) int { return 3 * n }`,
		`double(x)`,
		`"s"`,
		`x := 1 +`,
		`var y int = "s"`,
		`panic("boom")`,
		`import "os"
fmt.Fprintln(os.Stdout, "to stdout"); fmt.Fprintln(os.Stderr, "to stderr")`,
		`go func() { panic("in goroutine") }()
import "time"
time.Sleep(50*time.Millisecond)`,
		`os.Exit(3)`,
		`ch := make(chan int)
<-ch`,
	} {
		r := h.exec(code)
		t.Logf("---- %s\nresult=%q\nerror=%s\nstdout=%q stderr=%q", code, r.result(), r.errorText(), r.out.text("stdout"), r.out.text("stderr"))
	}
}
