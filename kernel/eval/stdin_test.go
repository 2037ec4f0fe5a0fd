package eval

import (
	"context"
	"strings"
	"testing"
)

func TestStdin(t *testing.T) {
	cases := []struct {
		name, code string
		inputs     []string
		result     string
		err        string
	}{
		{name: "bufio reader on os.Stdin", code: `import ("bufio"; "fmt"; "os")
fmt.Print("name? ")
line, _ := bufio.NewReader(os.Stdin).ReadString('\n')
line`, inputs: []string{"ada"}, result: `"ada\n"`},
		{name: "fmt.Scan", code: `import "fmt"
var a, b int
fmt.Scan(&a)
fmt.Scan(&b)
a + b`, inputs: []string{"2", "40"}, result: "42"},
		{name: "front end without stdin", code: `import ("bufio"; "os")
_, err := bufio.NewReader(os.Stdin).ReadString('\n')
err`, result: "this front end does not accept input (allow_stdin is false)"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := newHarness(t, Options{})
			r := h.execContext(context.Background(), c.code, c.inputs...)
			if got := r.errorText(); !strings.Contains(got, c.err) || (c.err == "" && got != "") {
				t.Fatalf("error = %q, want %q", got, c.err)
			}
			if got := r.result(); got != c.result {
				t.Errorf("result = %q, want %q", got, c.result)
			}
			if stderr := r.out.Text("stderr"); (len(c.inputs) == 0) != strings.Contains(stderr, "allow_stdin: false") {
				t.Errorf("stderr = %q: the notice about a front end without input is wrong", stderr)
			}
		})
	}
}
