package eval

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
)

// noFilesEnv, when set, makes TestNewWithoutFileDescriptors the child that runs New with no
// file descriptor to spare.
const noFilesEnv = "CONCURLAB_EVAL_NO_FILES"

// TestNewWithoutFileDescriptors runs New in a child process whose file limit is what it has
// open already: New cannot make its pipes and must say so, not panic.
func TestNewWithoutFileDescriptors(t *testing.T) {
	if os.Getenv(noFilesEnv) == "1" {
		// A first pipe starts Go's poller, which needs a descriptor of its own.
		r, w, err := os.Pipe()
		if err != nil {
			t.Fatal(err)
		}
		r.Close()
		w.Close()
		fds, err := os.ReadDir("/proc/self/fd")
		if err != nil {
			t.Fatal(err)
		}
		// The directory's own descriptor is among fds and is closed again.
		limit := syscall.Rlimit{Cur: uint64(len(fds) - 1), Max: uint64(len(fds) - 1)}
		if err := syscall.Setrlimit(syscall.RLIMIT_NOFILE, &limit); err != nil {
			t.Fatal(err)
		}
		s, err := New(Options{})
		fmt.Printf("session %v, error: %v\n", s != nil, err)
		return
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestNewWithoutFileDescriptors$", "-test.v")
	cmd.Env = append(os.Environ(), noFilesEnv+"=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("the child failed: %v\n%s", err, out)
	}
	want := "session false, error: making the pipes for the cells' output: pipe2: too many open files"
	if !strings.Contains(string(out), want) {
		t.Errorf("the child said\n%s\nwant a line %q", out, want)
	}
}
