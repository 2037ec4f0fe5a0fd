package e2e

import (
	"strings"
	"testing"

	"github.com/concurlab/concurlab/kernel/client"
	"github.com/concurlab/concurlab/kernel/jupyter"
)

// outputs returns the iopub messages of one cell other than status and execute_input, with
// their content decoded.
func outputs(t *testing.T, msgs []*jupyter.Message) (types []string, contents []map[string]any) {
	t.Helper()
	for _, m := range msgs {
		switch m.Header.MsgType {
		case "status", "execute_input":
			continue
		}
		types = append(types, m.Header.MsgType)
		contents = append(contents, mustDecode(t, m.Content))
	}
	return types, contents
}

func execute(t *testing.T, k *client.Client, code string) (map[string]any, []string, []map[string]any) {
	t.Helper()
	reply, msgs, err := k.Execute(code)
	if err != nil {
		t.Fatalf("%q: %v", code, err)
	}
	types, contents := outputs(t, msgs)
	return mustDecode(t, reply.Content), types, contents
}

// Every display helper reaches the front end as the message and MIME type it names.
func TestDisplayHelpers(t *testing.T) {
	k := startKernel(t)
	run(t, k, `import "display"`)
	png := "[]byte{0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a}"
	tests := []struct{ code, msgType, mime string }{
		{`display.HTML("<b>bold</b>")`, "display_data", "text/html"},
		{`display.Markdown("# Title")`, "display_data", "text/markdown"},
		{`display.SVG("<svg xmlns='http://www.w3.org/2000/svg'/>")`, "display_data", "image/svg+xml"},
		{`display.PNG(` + png + `)`, "display_data", "image/png"},
		{`display.JPEG([]byte{0xff, 0xd8, 0xff})`, "display_data", "image/jpeg"},
		{`display.JSON(map[string]int{"a": 1})`, "display_data", "application/json"},
		{`display.Text("plain")`, "display_data", "text/plain"},
		{`display.Show(display.Bundle{"text/csv": "a,b"})`, "display_data", "text/csv"},
	}
	for _, tt := range tests {
		t.Run(tt.mime, func(t *testing.T) {
			reply, types, contents := execute(t, k, tt.code)
			if reply["status"] != "ok" || len(types) != 1 || types[0] != tt.msgType {
				t.Fatalf("reply %v, outputs %v; want one %s", reply, types, tt.msgType)
			}
			if _, ok := contents[0]["data"].(map[string]any)[tt.mime]; !ok {
				t.Errorf("%s lacks %s: %v", tt.msgType, tt.mime, contents[0]["data"])
			}
		})
	}
}

// A shown display can be updated in place, and a cell can clear its output.
func TestDisplayUpdateAndClear(t *testing.T) {
	k := startKernel(t)
	_, types, contents := execute(t, k, "import \"display\"\nh := display.Show(display.Bundle{\"text/plain\": \"first\"})\nh.Update(display.Bundle{\"text/plain\": \"second\"})\ndisplay.Clear(true)")
	if strings.Join(types, ",") != "display_data,update_display_data,clear_output" {
		t.Fatalf("outputs %v", types)
	}
	shownID := contents[0]["transient"].(map[string]any)["display_id"]
	if shownID == nil || contents[1]["transient"].(map[string]any)["display_id"] != shownID {
		t.Errorf("the update does not name the display it replaces: %v then %v", contents[0]["transient"], contents[1]["transient"])
	}
	if contents[2]["wait"] != true {
		t.Errorf("clear_output %v, want wait true", contents[2])
	}
}

// A progress bar is shown once and then updated in place, ending at its total.
func TestProgressBarUpdatesInPlace(t *testing.T) {
	k := startKernel(t)
	_, types, contents := execute(t, k, "import (\"display\"; \"time\")\np := display.Progress(20)\nfor i := 0; i < 20; i++ {\n\ttime.Sleep(10 * time.Millisecond)\n\tp.Add(1)\n}\np.Done()")
	if len(types) < 2 || types[0] != "display_data" || types[len(types)-1] != "update_display_data" {
		t.Fatalf("outputs %v, want a display then its updates", types)
	}
	last := contents[len(contents)-1]["data"].(map[string]any)
	if !strings.Contains(last["text/plain"].(string), "20/20") || last["text/html"] == nil {
		t.Errorf("the final state is %v", last)
	}
}

// The magics, each through the real kernel.
func TestMagics(t *testing.T) {
	k := startKernel(t)
	tests := []struct {
		name, code string
		want       []string // in the cell's text output
		wantType   string   // an output message type the cell must have
		errName    string
	}{
		// The kernel process runs on one P; the worker's cells keep Go's default.
		{"cells keep every core", "import \"runtime\"\nruntime.GOMAXPROCS(0) == runtime.NumCPU()", []string{"true"}, "", ""},
		{"help", "%help", []string{"%time", "%%trace", "%gomaxprocs", "%reset", "%env"}, "", ""},
		{"time", "%time\nimport \"time\"\ntime.Sleep(20 * time.Millisecond)", []string{"Wall time", "CPU times"}, "", ""},
		{"trace", "%%trace\nimport \"concur\"\nconcur.Go(func() { concur.Sleep(5 * time.Millisecond) }).Join()", nil, "display_data", ""},
		{"gomaxprocs", "%gomaxprocs 1\nimport \"runtime\"\nruntime.GOMAXPROCS(0)", []string{"1"}, "", ""},
		{"env", "%env CONCURLAB_TEST=yes\nimport \"os\"\nos.Getenv(\"CONCURLAB_TEST\")", []string{`"yes"`}, "", ""},
		{"unknown", "%nosuch", []string{"%time"}, "", "UsageError"},
		{"reset", "%reset", []string{"reset"}, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			reply, types, contents := execute(t, k, tt.code)
			var text strings.Builder
			for i, c := range contents {
				switch types[i] {
				case "stream":
					text.WriteString(c["text"].(string))
				case "execute_result":
					text.WriteString(c["data"].(map[string]any)["text/plain"].(string))
				case "error":
					text.WriteString(c["evalue"].(string))
				}
			}
			if tt.errName != "" {
				if reply["ename"] != tt.errName {
					t.Errorf("ename %v, want %s", reply["ename"], tt.errName)
				}
			} else if reply["status"] != "ok" {
				t.Fatalf("reply %v", reply)
			}
			contains(t, tt.name+" output", text.String(), tt.want...)
			if tt.wantType != "" && !strings.Contains(strings.Join(types, ","), tt.wantType) {
				t.Errorf("outputs %v lack %s", types, tt.wantType)
			}
		})
	}
	c := run(t, k, "time.Second")
	if c.status() != "error" {
		t.Errorf("after %%reset, the earlier import of time still answers: %v", c.reply)
	}
}

// A cell that reads stdin asks the front end, when the front end accepts input.
func TestInputRequest(t *testing.T) {
	k := startKernel(t)
	msgs := answered(t, k, "import \"fmt\"\nvar name string\nfmt.Scanln(&name)\n\"hello, \" + name", "gopher")
	types, contents := outputs(t, msgs)
	found := false
	for i, typ := range types {
		if typ == "execute_result" {
			found = contents[i]["data"].(map[string]any)["text/plain"] == `"hello, gopher"`
		}
	}
	if !found {
		t.Errorf("outputs %v %v, want the result \"hello, gopher\"", types, contents)
	}

	c := run(t, k, "var again string\n_, err := fmt.Scanln(&again)\nerr != nil")
	if c.result != "true" {
		t.Fatalf("reading stdin without allow_stdin gave no error: %v", c.reply)
	}
	contains(t, "stderr", c.stderr, "allow_stdin: false")
}

// Completion and inspection over the sockets, with positions in code points.
func TestCompleteAndInspect(t *testing.T) {
	k := startKernel(t)
	run(t, k, "import \"concur\"\n// greet says hello.\nfunc greet(name string) string { return \"hello \" + name }")
	code := "s := \"并发\"\ngre"
	reply, err := k.Request(client.Shell, "complete_request", map[string]any{"code": code, "cursor_pos": len([]rune(code))})
	if err != nil {
		t.Fatal(err)
	}
	c := mustDecode(t, reply.Content)
	if !strings.Contains(strings.Join(asStrings(c["matches"]), ","), "greet") || c["cursor_start"] != float64(len([]rune(code))-3) {
		t.Errorf("complete_reply %v", c)
	}
	for _, tt := range []struct{ code, want string }{
		{"greet", "greet says hello."},
		{"concur.NewMailbox", "func NewMailbox(capacity int) *Mailbox"},
		{"fmt.Println", "func Println(a ...any) (n int, err error)"},
	} {
		reply, err := k.Request(client.Shell, "inspect_request", map[string]any{"code": tt.code, "cursor_pos": len(tt.code), "detail_level": 0})
		if err != nil {
			t.Fatal(err)
		}
		c := mustDecode(t, reply.Content)
		if c["found"] != true {
			t.Errorf("inspect %s: %v", tt.code, c)
			continue
		}
		contains(t, "inspect "+tt.code, c["data"].(map[string]any)["text/plain"].(string), tt.want)
	}
}

func asStrings(v any) []string {
	var out []string
	for _, s := range v.([]any) {
		out = append(out, s.(string))
	}
	return out
}

// A pasted program sees what `go run main.go` gives it: no arguments, so flag.Parse finds
// none of the worker's.
func TestProgramsRunWithoutArguments(t *testing.T) {
	k := startKernel(t)
	run(t, k, `import ("flag"; "fmt"; "os")`)
	mustResult(t, k, "verbose := flag.Bool(\"v\", false, \"\")\nflag.Parse()\nfmt.Sprint(flag.NArg(), len(os.Args), *verbose)", `"0 1 false"`)
}
