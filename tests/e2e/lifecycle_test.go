package e2e

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/concurlab/concurlab/kernel/client"
	"github.com/concurlab/concurlab/kernel/jupyter"
)

// lockedBuffer collects a process's stderr while the test reads it.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// kernelProcess is a kernel started by hand, so that its stderr and environment are the
// test's to choose.
type kernelProcess struct {
	cmd    *exec.Cmd
	info   jupyter.ConnectionInfo
	stderr *lockedBuffer
	exited chan error
}

func startProcess(t *testing.T, env []string, flags ...string) (*kernelProcess, *client.Client) {
	t.Helper()
	info, path, err := client.NewConnection()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Remove(path) })
	p := &kernelProcess{info: info, stderr: &lockedBuffer{}, exited: make(chan error, 1)}
	p.cmd = exec.Command(binary, append([]string{"kernel", path}, flags...)...)
	p.cmd.Env = append(os.Environ(), env...)
	p.cmd.Stderr = p.stderr
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { p.exited <- p.cmd.Wait() }()
	t.Cleanup(func() {
		p.cmd.Process.Kill()
		<-p.exited
	})
	c, err := client.Connect(t.Context(), info)
	if err != nil {
		t.Fatalf("connecting: %v\n%s", err, p.stderr)
	}
	c.Timeout = 20 * time.Second
	t.Cleanup(func() { c.Close() })
	return p, c
}

func (p *kernelProcess) waitExit(t *testing.T, within time.Duration) {
	t.Helper()
	select {
	case err := <-p.exited:
		if err != nil {
			t.Errorf("the kernel exited with %v\n%s", err, p.stderr)
		}
		p.exited <- err
	case <-time.After(within):
		t.Fatalf("the kernel still runs %v later", within)
	}
}

// workerPID asks the session for the pid of the process that runs cells.
func workerPID(t *testing.T, k *client.Client) int {
	t.Helper()
	c := run(t, k, "import \"os\"\nos.Getpid()")
	pid, err := strconv.Atoi(c.result)
	if err != nil {
		t.Fatalf("worker pid %q: %v", c.result, err)
	}
	return pid
}

func gone(pid int) bool { return syscall.Kill(pid, 0) == syscall.ESRCH }

func waitGone(t *testing.T, pid int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !gone(pid) {
		if time.Now().After(deadline) {
			t.Fatalf("process %d is still there", pid)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestShutdownEndsKernelAndWorker(t *testing.T) {
	for _, restart := range []bool{false, true} {
		t.Run(fmt.Sprintf("restart=%v", restart), func(t *testing.T) {
			p, k := startProcess(t, nil)
			worker := workerPID(t, k)
			reply, err := k.Shutdown(restart)
			if err != nil {
				t.Fatal(err)
			}
			if content := mustDecode(t, reply.Content); content["status"] != "ok" || content["restart"] != restart {
				t.Errorf("shutdown_reply %v", content)
			}
			p.waitExit(t, 5*time.Second)
			waitGone(t, worker)
		})
	}
}

func TestKernelExitsWithItsParent(t *testing.T) {
	parent := exec.Command("sleep", "60")
	if err := parent.Start(); err != nil {
		t.Fatal(err)
	}
	p, k := startProcess(t, []string{"JPY_PARENT_PID=" + strconv.Itoa(parent.Process.Pid)})
	worker := workerPID(t, k)
	parent.Process.Kill()
	parent.Wait()
	p.waitExit(t, 5*time.Second)
	waitGone(t, worker)
}

func TestBadMessagesAreDroppedAndTheKernelAnswersTheNext(t *testing.T) {
	p, k := startProcess(t, nil, "--log-level", "debug")
	bad := [][][]byte{
		{[]byte("<IDS|MSG>"), []byte("bad signature"), []byte(`{"msg_id":"1","msg_type":"execute_request"}`), []byte("{}"), []byte("{}"), []byte(`{"code":"panic(1)"}`)},
		{[]byte("<IDS|MSG>")},
		{[]byte("not a jupyter message at all")},
		{[]byte("<IDS|MSG>"), []byte(""), []byte("{not json"), []byte("{}"), []byte("{}"), []byte("{}")},
	}
	for _, frames := range bad {
		if err := k.SendRaw(client.Shell, frames); err != nil {
			t.Fatal(err)
		}
	}
	mustResult(t, k, "1 + 1", "2")
	if _, err := k.KernelInfo(); err != nil {
		t.Fatal(err)
	}
	log := p.stderr.String()
	if !strings.Contains(log, "signature") {
		t.Errorf("the bad signature was not logged:\n%s", log)
	}
	if strings.Contains(log, p.info.Key) {
		t.Errorf("the connection key appears in the log")
	}
}

// The kernel listens on the ip of its connection file only.
func TestKernelBindsOnlyTheConnectionIP(t *testing.T) {
	p, _ := startProcess(t, nil)
	ports := map[int]bool{p.info.ShellPort: true, p.info.ControlPort: true, p.info.StdinPort: true, p.info.IOPubPort: true, p.info.HBPort: true}
	found := 0
	for _, table := range []string{"/proc/net/tcp", "/proc/net/tcp6"} {
		data, err := os.ReadFile(table)
		if err != nil {
			continue
		}
		for _, line := range strings.Split(string(data), "\n")[1:] {
			fields := strings.Fields(line)
			if len(fields) < 4 || fields[3] != "0A" { // 0A: LISTEN
				continue
			}
			addr, portHex, _ := strings.Cut(fields[1], ":")
			port, _ := strconv.ParseInt(portHex, 16, 32)
			if !ports[int(port)] {
				continue
			}
			found++
			if addr != "0100007F" { // 127.0.0.1, little-endian hex
				t.Errorf("port %d listens on %s, not 127.0.0.1", port, addr)
			}
		}
	}
	if found != len(ports) {
		t.Errorf("found %d of the %d kernel ports listening", found, len(ports))
	}
}

// SIGINT, as a console or an older front end sends it, interrupts the running cell like
// interrupt_request does, and the kernel stays.
func TestSIGINTInterruptsTheCell(t *testing.T) {
	p, k := startProcess(t, nil)
	run(t, k, "kept := 41")
	id, err := k.Send(client.Shell, "execute_request", client.ExecuteRequest{Code: "for {\n}", StoreHistory: true, UserExpressions: map[string]string{}})
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond)
	if err := p.cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	for {
		reply, err := k.Recv(client.Shell, 20*time.Second)
		if err != nil {
			t.Fatalf("no reply after SIGINT: %v", err)
		}
		if reply.Parent.MsgID == id {
			if c := mustDecode(t, reply.Content); c["ename"] != "Interrupted" {
				t.Fatalf("reply %v, want Interrupted", c)
			}
			break
		}
	}
	mustResult(t, k, "kept + 1", "42")
}
