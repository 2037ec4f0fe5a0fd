package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/concurlab/concurlab/kernel/client"
)

// compiledRun is what a %%compile cell costs: a new cell's build, an unchanged cell's start
// from the cache, and a CPU-bound cell against the same program built by go build.
type compiledRun struct {
	firstBuild  time.Duration // a cell never built before: request → first output
	cachedFirst time.Duration // the same cell again: request → first output
	fibCell     time.Duration // %%compile fib(n), warm cache: request → idle
	fibBinary   time.Duration // the same program, built by go build and run here (best of 3)
}

// fibSource is fib as a Go declaration, in the kernel's session and in the program go build
// builds.
const fibSource = "func fib(n int) int {\n\tif n < 2 {\n\t\treturn n\n\t}\n\treturn fib(n-1) + fib(n-2)\n}"

// measureCompiled measures the %%compile figures in c's session, where fib is declared.
func measureCompiled(c *client.Client, n int) (compiledRun, error) {
	var r compiledRun
	// A cell that no cache holds: its source names this moment.
	fresh := fmt.Sprintf("%%%%compile\n// bench %d\nfmt.Println(\"ready\")", time.Now().UnixNano())
	var err error
	if r.firstBuild, err = firstOutput(c, fresh); err != nil {
		return r, err
	}
	if r.cachedFirst, err = firstOutput(c, fresh); err != nil {
		return r, err
	}
	cell := fmt.Sprintf("%%%%compile\nfmt.Println(fib(%d))", n)
	if _, err := mustSucceed(c, cell); err != nil { // the build, not timed
		return r, err
	}
	begin := time.Now()
	res, err := mustSucceed(c, cell)
	if err != nil {
		return r, err
	}
	r.fibCell = time.Since(begin)
	if got := strings.TrimSpace(res.stdout); got != strconv.Itoa(fib(n)) {
		return r, fmt.Errorf("%%%%compile fib(%d) printed %q", n, res.stdout)
	}
	r.fibBinary, err = fibBinary(n)
	return r, err
}

// firstOutput runs code and returns the time from its request to its first stream message.
func firstOutput(c *client.Client, code string) (time.Duration, error) {
	begin := time.Now()
	id, err := c.Send(client.Shell, "execute_request", executeRequest(code))
	if err != nil {
		return 0, err
	}
	var first time.Duration
	for first == 0 {
		m, err := c.Recv(client.IOPub, cellTimeout)
		if err != nil {
			return 0, fmt.Errorf("no output of %q: %w", firstLine(code), err)
		}
		if m.Parent.MsgID == id && (m.Header.MsgType == "stream" || m.Header.MsgType == "error") {
			first = time.Since(begin)
		}
	}
	msgs, err := c.IOPubUntilIdle(id, cellTimeout)
	if err != nil {
		return 0, err
	}
	reply, err := replyTo(c, id)
	if err != nil {
		return 0, err
	}
	if r := collect(reply, msgs); r.status != "ok" {
		return 0, fmt.Errorf("%q failed: %s", firstLine(code), r.errName)
	}
	return first, nil
}

// fibBinary builds the fib(n) program with go build and returns its best run time of three.
func fibBinary(n int) (time.Duration, error) {
	dir, err := os.MkdirTemp("", "concurlab-bench-fib-")
	if err != nil {
		return 0, err
	}
	defer os.RemoveAll(dir)
	program := fmt.Sprintf("package main\n\nimport \"fmt\"\n\n%s\n\nfunc main() { fmt.Println(fib(%d)) }\n", fibSource, n)
	for name, text := range map[string]string{"main.go": program, "go.mod": "module fib\n\ngo 1.26.0\n"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			return 0, err
		}
	}
	binary := filepath.Join(dir, "fib")
	if err := goCommand(dir, "build", "-o", binary, ".").Run(); err != nil {
		return 0, fmt.Errorf("go build of fib: %w", err)
	}
	best := time.Hour
	for range 3 {
		begin := time.Now()
		if err := exec.Command(binary).Run(); err != nil {
			return 0, err
		}
		best = min(best, time.Since(begin))
	}
	return best, nil
}
