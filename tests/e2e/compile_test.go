package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/concurlab/concurlab/kernel/client"
	"github.com/concurlab/concurlab/kernel/jupyter"
)

// compileCache is the kernel's cache of compiled cells, shared by this package's tests, and
// goLog the file where the go command that the kernel finds notes each of its runs.
var compileCache = struct {
	once        sync.Once
	dir, goLog  string
	goCache     string
	wrapperPath string
	err         error
}{}

// compileEnv returns the environment of a kernel whose go command is the real one behind a
// script that logs each run, with a cache of compiled cells of its own (and Go's own build
// cache, so that the standard library is not built again).
func compileEnv(t *testing.T) []string {
	t.Helper()
	c := &compileCache
	c.once.Do(func() {
		gocmd, err := exec.LookPath("go")
		if err != nil {
			c.err = err
			return
		}
		out, err := exec.Command(gocmd, "env", "GOCACHE").Output()
		if err != nil {
			c.err = err
			return
		}
		c.goCache = strings.TrimSpace(string(out))
		if c.dir, c.err = os.MkdirTemp(filepath.Dir(binary), "compile"); c.err != nil {
			return
		}
		c.goLog = filepath.Join(c.dir, "go.log")
		c.wrapperPath = filepath.Join(c.dir, "bin")
		script := fmt.Sprintf("#!/bin/sh\necho \"$*\" >> %q\nexec %q \"$@\"\n", c.goLog, gocmd)
		if c.err = os.MkdirAll(c.wrapperPath, 0o755); c.err == nil {
			c.err = os.WriteFile(filepath.Join(c.wrapperPath, "go"), []byte(script), 0o755)
		}
	})
	if c.err != nil {
		t.Skipf("no Go toolchain for compiled cells: %v", c.err)
	}
	return []string{"XDG_CACHE_HOME=" + filepath.Join(c.dir, "cache"), "GOCACHE=" + c.goCache,
		"PATH=" + c.wrapperPath + string(os.PathListSeparator) + os.Getenv("PATH")}
}

// goBuilds counts the go commands that kernels with compileEnv ran.
func goBuilds(t *testing.T) int {
	t.Helper()
	b, err := os.ReadFile(compileCache.goLog)
	if os.IsNotExist(err) {
		return 0
	}
	if err != nil {
		t.Fatal(err)
	}
	return strings.Count(string(b), "build ")
}

// answered runs code with allow_stdin, answers its input_request with answer, and returns
// the cell's iopub messages once its execute_reply came.
func answered(t *testing.T, k *client.Client, code, answer string) []*jupyter.Message {
	t.Helper()
	id, err := k.Send(client.Shell, "execute_request", client.ExecuteRequest{
		Code: code, AllowStdin: true, StoreHistory: true, UserExpressions: map[string]string{},
	})
	if err != nil {
		t.Fatal(err)
	}
	request, err := k.Recv(client.Stdin, 60*time.Second)
	if err != nil || request.Header.MsgType != "input_request" {
		t.Fatalf("no input_request: %v", err)
	}
	if err := k.AnswerInput(request, answer); err != nil {
		t.Fatal(err)
	}
	msgs, err := k.IOPubUntilIdle(id, 20*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if reply, err := k.Recv(client.Shell, 20*time.Second); err != nil || reply.Parent.MsgID != id {
		t.Fatalf("no execute_reply: %v", err)
	}
	return msgs
}

// A compiled cell runs with the session's imports and declarations; an unchanged cell runs
// again without a build; errors and panics point at the cells' lines.
func TestCompiledCells(t *testing.T) {
	_, k := startProcess(t, compileEnv(t))
	decls := run(t, k, "import (\n\t\"fmt\"\n\t\"strings\"\n)\n\nfunc double(x int) int { return 2 * x }\n\ntype Point struct{ X, Y int }\n\nconst k = 3\n\nvar base = double(k)\n\nfunc shout(s string) string { return strings.ToUpper(s) }\n\nfunc nothing() {}")
	if decls.status() != "ok" {
		t.Fatalf("declarations: %v", decls.reply)
	}
	n := run(t, k, "n := 5")
	if n.status() != "ok" {
		t.Fatalf("n := 5: %v", n.reply)
	}

	t.Run("earlier declarations", func(t *testing.T) {
		code := "%%compile\nfmt.Println(double(21), Point{1, 2}, k, base)"
		before := goBuilds(t)
		c := run(t, k, code)
		if c.status() != "ok" || c.stdout != "42 {1 2} 3 6\n" {
			t.Fatalf("status %s stdout %q stderr %q reply %v", c.status(), c.stdout, c.stderr, c.reply)
		}
		if got := goBuilds(t) - before; got != 1 {
			t.Errorf("the first run built %d times, want 1", got)
		}
		again := run(t, k, code)
		if again.stdout != c.stdout {
			t.Errorf("the second run printed %q, want %q", again.stdout, c.stdout)
		}
		if got := goBuilds(t) - before; got != 1 {
			t.Errorf("running the unchanged cell again ran the go command: %d builds in all, want 1", got)
		}
	})

	t.Run("result", func(t *testing.T) {
		mustResult(t, k, "%%compile\ndouble(4)", "8")
		mustResult(t, k, "%%compile\nstrings.Cut(shout(\"a=b\"), \"=\")", "\"A\", \"B\", true")
		mustResult(t, k, "%%compile\nPoint{1, 2}", "{1 2}")
	})

	t.Run("timed", func(t *testing.T) {
		c := run(t, k, "%time\n%%compile\nsum := 0\nfor i := range 200_000_000 {\n\tsum += i % 7\n}\nfmt.Println(sum > 0)")
		if c.status() != "ok" || !strings.HasPrefix(c.stdout, "true\nCPU times: user ") {
			t.Fatalf("status %s stdout %q", c.status(), c.stdout)
		}
		if strings.HasPrefix(c.stdout, "true\nCPU times: user 0s") {
			t.Errorf("the program's CPU time is missing: %q", c.stdout)
		}
	})

	t.Run("a last call of no value", func(t *testing.T) {
		for i := range 2 {
			before := goBuilds(t)
			c := run(t, k, "%%compile\nnothing()")
			if c.status() != "ok" || c.result != "" {
				t.Fatalf("run %d: status %s result %q reply %v", i, c.status(), c.result, c.reply)
			}
			if builds := goBuilds(t) - before; i == 1 && builds != 0 {
				t.Errorf("the second run ran the go command %d times", builds)
			}
		}
	})

	t.Run("golang.org/x/sync", func(t *testing.T) {
		c := run(t, k, "%%compile\nimport \"golang.org/x/sync/errgroup\"\nvar g errgroup.Group\ng.Go(func() error { return nil })\nfmt.Println(g.Wait())")
		if c.status() != "ok" || c.stdout != "<nil>\n" {
			t.Fatalf("status %s stdout %q reply %v", c.status(), c.stdout, c.reply)
		}
	})

	t.Run("a value of the interpreter", func(t *testing.T) {
		c := run(t, k, "%%compile\nfmt.Println(n)")
		if c.ename() != "CompileError" {
			t.Fatalf("ename %s, want CompileError; reply %v", c.ename(), c.reply)
		}
		contains(t, "traceback", c.traceback(), "line 2:13: undefined: n", "does not carry values")
	})

	t.Run("build error", func(t *testing.T) {
		c := run(t, k, "%%compile\nx := 1\nfmt.Println(x + y)")
		if c.ename() != "CompileError" {
			t.Fatalf("ename %s, want CompileError; reply %v", c.ename(), c.reply)
		}
		contains(t, "evalue", fmt.Sprint(c.reply["evalue"]), "line 3:17: undefined: y")
		contains(t, "traceback", c.traceback(), "fmt.Println(x + y)", "^")
	})

	t.Run("panic", func(t *testing.T) {
		c := run(t, k, "%%compile\nfmt.Println(shout(\"before\"))\nvar m map[string]int\nm[\"a\"] = 1")
		if c.ename() != "panic" {
			t.Fatalf("ename %s, want panic; reply %v", c.ename(), c.reply)
		}
		if c.stdout != "BEFORE\n" {
			t.Errorf("stdout %q, want BEFORE", c.stdout)
		}
		contains(t, "stderr", c.stderr, "panic: assignment to entry in nil map", "line 4")
	})

	t.Run("ends of a program", func(t *testing.T) {
		tests := []struct{ name, code, ename, evalue, stderr string }{
			{"os.Exit in a program of its own", "%%compile\npackage main\n\nimport (\n\t\"fmt\"\n\t\"os\"\n)\n\nfunc main() {\n\tfmt.Println(\"whole\")\n\tos.Exit(3)\n}",
				"Exit", "exit status 3", ""},
			{"deadlock", "%%compile\nch := make(chan int)\n<-ch", "Deadlock", "all goroutines are asleep - deadlock!", "line 3"},
			{"concurrent map writes", "%%compile\nm := map[int]int{}\nfor range 2 {\n\tgo func() {\n\t\tfor j := 0; ; j++ {\n\t\t\tm[j] = j\n\t\t}\n\t}()\n}\nselect {}",
				"fatal error", "concurrent map writes", "line 6"},
		}
		for _, tt := range tests {
			c := run(t, k, tt.code)
			if c.ename() != tt.ename || fmt.Sprint(c.reply["evalue"]) != tt.evalue {
				t.Errorf("%s: ename %s evalue %v, want %s: %s; stderr %s", tt.name, c.ename(), c.reply["evalue"], tt.ename, tt.evalue, c.stderr)
			}
			contains(t, tt.name+": stderr", c.stderr, tt.stderr)
		}
	})

	t.Run("stdin", func(t *testing.T) {
		msgs := answered(t, k, "%%compile\nvar name string\nfmt.Scanln(&name)\nfmt.Println(\"hello, \" + name)", "gopher")
		var stdout strings.Builder
		for _, m := range msgs {
			if content := mustDecode(t, m.Content); m.Header.MsgType == "stream" {
				stdout.WriteString(fmt.Sprint(content["text"]))
			}
		}
		if stdout.String() != "hello, gopher\n" {
			t.Errorf("stdout %q, want hello, gopher", stdout.String())
		}
	})

	t.Run("interrupt", func(t *testing.T) {
		id, err := k.Send(client.Shell, "execute_request", client.ExecuteRequest{Code: "%%compile\nfmt.Println(\"looping\")\nfor {\n}",
			StoreHistory: true, UserExpressions: map[string]string{}})
		if err != nil {
			t.Fatal(err)
		}
		for started := false; !started; {
			m, err := k.Recv(client.IOPub, 60*time.Second)
			if err != nil {
				t.Fatalf("the program did not start: %v", err)
			}
			started = m.Parent.MsgID == id && m.Header.MsgType == "stream"
		}
		start := time.Now()
		if _, err := k.Interrupt(); err != nil {
			t.Fatal(err)
		}
		reply, err := k.Recv(client.Shell, 20*time.Second)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("interrupt answered in %v", time.Since(start))
		if content := mustDecode(t, reply.Content); content["ename"] != "Interrupted" {
			t.Fatalf("reply %v, want Interrupted", content)
		}
		if _, err := k.IOPubUntilIdle(id, 20*time.Second); err != nil {
			t.Fatal(err)
		}
		mustResult(t, k, "double(n)", "10")
	})
}

// The race detector reports a racy counter at the cell's line, and nothing for a clean one.
func TestCompiledRace(t *testing.T) {
	_, k := startProcess(t, compileEnv(t))
	run(t, k, "import (\n\t\"fmt\"\n\t\"sync\"\n)\n\nfunc count(lock bool) int {\n\tvar mu sync.Mutex\n\tvar wg sync.WaitGroup\n\tn := 0\n\tfor range 4 {\n\t\twg.Add(1)\n\t\tgo func() {\n\t\t\tdefer wg.Done()\n\t\t\tif lock {\n\t\t\t\tmu.Lock()\n\t\t\t\tdefer mu.Unlock()\n\t\t\t}\n\t\t\tn++\n\t\t}()\n\t}\n\twg.Wait()\n\treturn n\n}")
	racy := run(t, k, "%%compile -race\nfmt.Println(count(false))")
	if racy.ename() != "DataRace" {
		t.Fatalf("ename %s, want DataRace; stderr %s reply %v", racy.ename(), racy.stderr, racy.reply)
	}
	contains(t, "stderr", racy.stderr, "WARNING: DATA RACE", "In[1] line 18", "In[2] line 2")
	summary := regexp.MustCompile(`Found [1-9]\d* data race\(s\)`)
	if found := summary.FindString(racy.stderr); found == "" || fmt.Sprint(racy.reply["evalue"]) != found {
		t.Errorf("the race detector's summary %q, the cell's error %q: want both", found, racy.reply["evalue"])
	}
	if strings.Contains(racy.stderr, "__cell_") {
		t.Errorf("stderr has unmapped positions:\n%s", racy.stderr)
	}

	clean := run(t, k, "%%compile -race\nfmt.Println(count(true))")
	if clean.status() != "ok" || clean.stdout != "4\n" || strings.Contains(clean.stderr, "DATA RACE") {
		t.Errorf("a locked counter: status %s stdout %q stderr %q", clean.status(), clean.stdout, clean.stderr)
	}
}

// display and concur's pictures reach iopub from a compiled cell, as from interpreted ones.
func TestCompiledDisplay(t *testing.T) {
	_, k := startProcess(t, compileEnv(t))
	_, types, contents := execute(t, k, "%%trace\n%%compile\nimport (\n\t\"concur\"\n\t\"display\"\n\t\"fmt\"\n)\nfmt.Println(\"first\")\ndisplay.SVG(`<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4\" height=\"4\"></svg>`)\nconcur.GoNamed(\"worker\", func() { concur.Sleep(0) }).Join()")
	var got []string
	for i, typ := range types {
		switch typ {
		case "stream":
			got = append(got, "stream "+fmt.Sprint(contents[i]["text"]))
		case "display_data":
			data := contents[i]["data"].(map[string]any)
			got = append(got, "display "+fmt.Sprint(data["text/plain"]))
			if _, ok := data["image/svg+xml"]; !ok {
				t.Errorf("display_data without an SVG: %v", data)
			}
		case "error":
			t.Fatalf("error %v", contents[i])
		}
	}
	if len(got) != 3 || got[0] != "stream first\n" || !strings.HasPrefix(got[2], "display <concur timeline of ") {
		t.Errorf("outputs %q, want the print, the picture and the timeline, in order", got)
	}

	_, types, contents = execute(t, k, "%%compile\nimport (\n\t\"concur\"\n\t\"time\"\n)\ntr := concur.StartTrace()\nconcur.GoNamed(\"worker\", func() { concur.Sleep(time.Millisecond) }).Join()\ntr.Stop()\ntr")
	found := false
	for i, typ := range types {
		if typ == "execute_result" {
			_, found = contents[i]["data"].(map[string]any)["image/svg+xml"]
		}
	}
	if !found {
		t.Errorf("outputs %v %v, want a timeline as the result", types, contents)
	}
}

// Without a Go toolchain a compiled cell says so, and interpreted cells still run.
func TestCompiledCellWithoutToolchain(t *testing.T) {
	_, k := startProcess(t, []string{"PATH=" + t.TempDir(), "GOROOT="})
	c := run(t, k, "%%compile\nprintln(1)")
	if c.ename() != "NoToolchain" {
		t.Fatalf("ename %s, want NoToolchain; reply %v", c.ename(), c.reply)
	}
	contains(t, "evalue", fmt.Sprint(c.reply["evalue"]), "no go command on PATH")
	mustResult(t, k, "1 + 1", "2")
}
