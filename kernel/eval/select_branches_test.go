package eval

import (
	"os"
	"testing"
)

// TestSelectBranches runs testdata/select_branches.go, whose break, continue and goto
// statements leave select, switch and for statements, and checks that it prints what go run
// prints for it.
func TestSelectBranches(t *testing.T) {
	src, err := os.ReadFile("testdata/select_branches.go")
	if err != nil {
		t.Fatal(err)
	}
	runCases(t, Options{}, []cellCase{{
		name:   "select_branches.go",
		code:   string(src),
		stdout: "t3 out 1\na 4\nb 22\nc 23\nd 2\ne 2 3\nf1 30\nf2 33\nf3 33\nf4 33\ng1 30\ng2 30\n",
	}})
}
