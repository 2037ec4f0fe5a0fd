package e2e

import (
	"strings"
	"testing"
	"time"
)

// Output that a goroutine prints after its cell finished shows up in the next cell, never in
// another cell's result.
func TestLateOutputIsShownInTheNextCell(t *testing.T) {
	k := startKernel(t)
	first := run(t, k, "import (\n\t\"fmt\"\n\t\"time\"\n)\ngo func() {\n\ttime.Sleep(200 * time.Millisecond)\n\tfmt.Println(\"late line\")\n}()")
	if strings.Contains(first.stdout, "late line") {
		t.Fatal("the late line came before it was printed")
	}
	time.Sleep(600 * time.Millisecond)
	next := run(t, k, "7 * 6")
	if !strings.Contains(next.stdout+next.stderr, "late line") {
		t.Errorf("the late line was not shown in the next cell: stdout %q stderr %q", next.stdout, next.stderr)
	}
	if next.result != "42" {
		t.Errorf("result %q, want 42", next.result)
	}
}

// A cell that prints far more than the limit is cut with a notice, runs to its end, and keeps
// stdout and stderr in order.
func TestFloodIsCutWithANotice(t *testing.T) {
	k := startKernel(t, "--max-output", "100000")
	c := run(t, k, "import \"fmt\"\nn := 0\nfor i := 0; i < 200000; i++ {\n\tfmt.Println(\"line\", i)\n\tn++\n}\nn")
	if c.status() != "ok" || c.result != "200000" {
		t.Fatalf("status %s result %q: the cell did not run to its end", c.status(), c.result)
	}
	if len(c.stdout) > 110000 {
		t.Errorf("%d bytes of stdout passed a 100000-byte limit", len(c.stdout))
	}
	if !strings.HasPrefix(c.stdout, "line 0\nline 1\n") {
		t.Errorf("stdout starts %q", c.stdout[:min(len(c.stdout), 40)])
	}
	contains(t, "stderr", c.stderr, "max-output")
}

func TestStdoutAndStderrStayInOrder(t *testing.T) {
	k := startKernel(t)
	reply, msgs, err := k.Execute("import (\n\t\"fmt\"\n\t\"os\"\n)\nfor i := 0; i < 5; i++ {\n\tfmt.Println(\"out\", i)\n\tfmt.Fprintln(os.Stderr, \"err\", i)\n}")
	if err != nil {
		t.Fatal(err)
	}
	decodeCell(t, reply, msgs)
	var order []string
	for _, m := range msgs {
		if m.Header.MsgType == "stream" {
			content := mustDecode(t, m.Content)
			order = append(order, strings.Split(strings.TrimSpace(content["text"].(string)), "\n")...)
		}
	}
	want := "out 0,err 0,out 1,err 1,out 2,err 2,out 3,err 3,out 4,err 4"
	if got := strings.Join(order, ","); got != want {
		t.Errorf("streams arrived as %s, want %s", got, want)
	}
}
