package e2e

import (
	"bufio"
	"bytes"
	be "encoding/binary"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/concurlab/concurlab/kernel/client"
	"github.com/concurlab/concurlab/kernel/jupyter"
)

// zmtpPeer is a ZMTP 3.0 peer on a plain TCP connection, written here so that a test can
// send what no ZeroMQ library would: it greets with the NULL mechanism, says READY as a
// DEALER, then writes whatever bytes the test gives it.
type zmtpPeer struct {
	conn net.Conn
	r    *bufio.Reader
}

func dialZMTP(t *testing.T, info jupyter.ConnectionInfo, port int) *zmtpPeer {
	t.Helper()
	conn, err := net.Dial("tcp", net.JoinHostPort(info.IP, strconv.Itoa(port)))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	conn.SetDeadline(time.Now().Add(20 * time.Second))
	p := &zmtpPeer{conn: conn, r: bufio.NewReader(conn)}
	greeting := make([]byte, 64)
	greeting[0], greeting[9], greeting[10] = 0xff, 0x7f, 3
	copy(greeting[12:], "NULL")
	if _, err := conn.Write(greeting); err != nil {
		t.Fatal(err)
	}
	if _, err := io.ReadFull(p.r, make([]byte, 64)); err != nil {
		t.Fatalf("the kernel's greeting: %v", err)
	}
	ready := append([]byte{5}, "READY"...)
	ready = append(ready, byte(len("Socket-Type")))
	ready = append(ready, "Socket-Type"...)
	ready = be.BigEndian.AppendUint32(ready, uint32(len("DEALER")))
	ready = append(ready, "DEALER"...)
	if err := p.send(0x04, ready); err != nil {
		t.Fatal(err)
	}
	if frames, err := p.receive(); err != nil || !bytes.HasPrefix(frames[0], []byte("\x05READY")) {
		t.Fatalf("the kernel's READY: %q, %v", frames, err)
	}
	return p
}

// header writes the header of a frame with flags whose body has size bytes.
func (p *zmtpPeer) header(flags byte, size uint64) error {
	if size > 255 {
		_, err := p.conn.Write(be.BigEndian.AppendUint64([]byte{flags | 0x02}, size))
		return err
	}
	_, err := p.conn.Write([]byte{flags, byte(size)})
	return err
}

// send writes one frame.
func (p *zmtpPeer) send(flags byte, body []byte) error {
	if err := p.header(flags, uint64(len(body))); err != nil {
		return err
	}
	_, err := p.conn.Write(body)
	return err
}

// sendMessage writes frames as one message.
func (p *zmtpPeer) sendMessage(frames [][]byte) error {
	for i, f := range frames {
		flags := byte(0x01)
		if i == len(frames)-1 {
			flags = 0
		}
		if err := p.send(flags, f); err != nil {
			return err
		}
	}
	return nil
}

// receive reads one message or command.
func (p *zmtpPeer) receive() ([][]byte, error) {
	var frames [][]byte
	for {
		flags, err := p.r.ReadByte()
		if err != nil {
			return frames, err
		}
		var size uint64
		if flags&0x02 != 0 {
			var long [8]byte
			if _, err := io.ReadFull(p.r, long[:]); err != nil {
				return frames, err
			}
			size = be.BigEndian.Uint64(long[:])
		} else {
			b, err := p.r.ReadByte()
			if err != nil {
				return frames, err
			}
			size = uint64(b)
		}
		body := make([]byte, size)
		if _, err := io.ReadFull(p.r, body); err != nil {
			return frames, err
		}
		frames = append(frames, body)
		if flags&0x01 == 0 {
			return frames, nil
		}
	}
}

// droppedByKernel tells whether the kernel closed the connection: reading ends in EOF or a
// reset rather than in the deadline.
func (p *zmtpPeer) droppedByKernel(within time.Duration) bool {
	p.conn.SetReadDeadline(time.Now().Add(within))
	_, err := io.Copy(io.Discard, p.r)
	var ne net.Error
	return !(errors.As(err, &ne) && ne.Timeout())
}

// waitLogged waits for the kernel's log to hold want: its stderr reaches the test on a
// goroutine of its own, after the kernel has acted.
func (p *kernelProcess) waitLogged(t *testing.T, want string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(p.stderr.String(), want) {
		if time.Now().After(deadline) {
			t.Fatalf("the kernel did not log %q:\n%s", want, p.stderr)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// rss returns the resident memory of process pid, from /proc, in bytes.
func rss(t *testing.T, pid int) int64 {
	t.Helper()
	status, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		t.Fatal(err)
	}
	for line := range strings.Lines(string(status)) {
		if rest, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			if err != nil {
				t.Fatalf("VmRSS %q: %v", rest, err)
			}
			return kb << 10
		}
	}
	t.Fatal("no VmRSS in /proc/PID/status")
	return 0
}

// signed returns the frames of an execute_request of code with buffers, signed with info's key.
func signed(t *testing.T, info jupyter.ConnectionInfo, code string, buffers ...[]byte) [][]byte {
	t.Helper()
	m, err := jupyter.NewMessage(jupyter.NewHeader("execute_request", "raw-peer", "test"), nil, client.ExecuteRequest{Code: code})
	if err != nil {
		t.Fatal(err)
	}
	m.Buffers = buffers
	frames, err := jupyter.Encode(m, jupyter.NewSigner(info.Key))
	if err != nil {
		t.Fatal(err)
	}
	return frames
}

// A peer that announces a 4 GiB frame is disconnected before the kernel takes the memory,
// whatever it goes on sending; the kernel logs it once and answers its other clients.
func TestAFrameOf4GiBIsRefusedWithoutTheMemory(t *testing.T) {
	p, k := startProcess(t, nil)
	pid := p.cmd.Process.Pid
	before := rss(t, pid)
	peer := dialZMTP(t, p.info, p.info.ShellPort)
	if err := peer.header(0, 4<<30); err != nil {
		t.Fatal(err)
	}
	sent := 0
	chunk := make([]byte, 1<<20)
	for sent < 256<<20 {
		n, err := peer.conn.Write(chunk)
		sent += n
		if err != nil {
			break
		}
	}
	if !peer.droppedByKernel(10 * time.Second) {
		t.Fatal("the kernel kept the connection of a peer announcing 4 GiB")
	}
	after := rss(t, pid)
	t.Logf("kernel VmRSS %d KiB before, %d KiB after the 4 GiB header and %d MiB of its body sent", before>>10, after>>10, sent>>20)
	if grown := after - before; grown >= 64<<20 {
		t.Errorf("the kernel's RSS grew by %d MiB", grown>>20)
	}
	if reply, err := k.KernelInfo(); err != nil || reply.Header.MsgType != "kernel_info_reply" {
		t.Fatalf("kernel_info after the big frame: %v", err)
	}
	p.waitLogged(t, "dropped a connection")
	log := p.stderr.String()
	if n := strings.Count(log, "dropped a connection"); n != 1 || !strings.Contains(log, "a frame of 4294967296 bytes announced") {
		t.Errorf("want one log line of the dropped peer, got %d:\n%s", n, log)
	}
}

// A message over a small --max-message, in real bytes, costs its peer the connection, with
// one log line, and runs nothing; one within the bound, from the same kind of peer, is
// answered.
func TestMessagesOverMaxMessageAreDropped(t *testing.T) {
	const limit = 64 << 10
	marker := filepath.Join(t.TempDir(), "ran")
	code := fmt.Sprintf("import \"os\"\nos.WriteFile(%q, nil, 0o600)", marker)
	half := make([]byte, limit/2)
	cases := []struct {
		name    string
		code    string
		buffers [][]byte
		dropped bool
	}{
		{"within the bound", "1 + 1", [][]byte{half}, false},
		{"one frame over it", code, [][]byte{make([]byte, limit+1)}, true},
		{"frames under it, over it together", code, [][]byte{half, half, half}, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p, k := startProcess(t, nil, "--max-message", strconv.Itoa(limit))
			peer := dialZMTP(t, p.info, p.info.ShellPort)
			if err := peer.sendMessage(signed(t, p.info, c.code, c.buffers...)); err != nil && !c.dropped {
				t.Fatal(err)
			}
			if c.dropped {
				if !peer.droppedByKernel(10 * time.Second) {
					t.Fatal("the kernel kept the connection")
				}
				p.waitLogged(t, "dropped a connection")
			} else if reply, err := peer.receive(); err != nil || !bytes.Contains(bytes.Join(reply, nil), []byte(`"execute_reply"`)) {
				t.Fatalf("no execute_reply within the bound: %q, %v", reply, err)
			}
			if reply, err := k.KernelInfo(); err != nil || reply.Header.MsgType != "kernel_info_reply" {
				t.Fatalf("kernel_info after the peer: %v", err)
			}
			log := p.stderr.String()
			want := 0
			if c.dropped {
				want = 1
			}
			if n := strings.Count(log, "dropped a connection"); n != want || c.dropped && !strings.Contains(log, fmt.Sprintf("more than the %d allowed", limit)) {
				t.Errorf("%d log lines of a dropped peer, want %d:\n%s", n, want, log)
			}
		})
	}
	if _, err := os.Stat(marker); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a message over the bound ran: %v", err)
	}
}

func TestMaxMessageMustBePositive(t *testing.T) {
	out, err := exec.Command(binary, "kernel", "--max-message", "0", "unused.json").CombinedOutput()
	if err == nil || !strings.Contains(string(out), "--max-message 0") {
		t.Errorf("--max-message 0: %v\n%s", err, out)
	}
}
