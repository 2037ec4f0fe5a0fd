package jupyter

import (
	"bytes"
	"context"
	"errors"
	"net"
	"slices"
	"testing"

	"github.com/go-zeromq/zmq4"
)

// recordingConn is a net.Conn that records each Write it is given.
type recordingConn struct {
	net.Conn
	writes [][]byte
}

func (c *recordingConn) Write(p []byte) (int, error) {
	c.writes = append(c.writes, bytes.Clone(p))
	return len(p), nil
}

// frame returns a ZMTP frame header with flags for a body of size bytes, and the body.
func frame(flags byte, size int) [][]byte {
	if size > 255 {
		header := []byte{flags | flagLong, 0, 0, 0, 0, 0, 0, 0, 0}
		for i, n := 8, size; n > 0; i, n = i-1, n>>8 {
			header[i] = byte(n)
		}
		return [][]byte{header, bytes.Repeat([]byte{'x'}, size)}
	}
	return [][]byte{{flags, byte(size)}, bytes.Repeat([]byte{'x'}, size)}
}

// concat joins groups of writes into one list of writes.
func concat(groups ...[][]byte) [][]byte {
	var all [][]byte
	for _, g := range groups {
		all = append(all, g...)
	}
	return all
}

// runFlushes stands in the writes' list for the moment the flushes scheduled so far run.
var runFlushes = [][]byte{nil}

func TestBatchedConnWrites(t *testing.T) {
	greeting := [][]byte{make([]byte, 10), make([]byte, 54)}
	cases := []struct {
		name string
		// writes are given to Write in order, but for runFlushes.
		writes [][]byte
		// flushes are the sizes of the writes that reach the connection.
		flushes []int
	}{
		{"greeting in parts", concat(greeting, runFlushes), []int{64}},
		{"greeting and a command", concat(greeting, runFlushes, frame(0x04, 20), runFlushes), []int{64, 22}},
		{"message of three frames", concat(greeting, runFlushes, frame(flagMore, 5), frame(flagMore, 0), frame(0, 7), runFlushes),
			[]int{64, 7 + 2 + 9}},
		{"long frame", concat(greeting, runFlushes, frame(flagMore, 3), frame(0, 300), runFlushes), []int{64, 5 + 9 + 300}},
		{"empty last frame", concat(greeting, runFlushes, frame(flagMore, 3), frame(0, 0), runFlushes), []int{64, 5 + 2}},
		{"two messages, each flushed", concat(greeting, runFlushes, frame(0, 1), runFlushes, frame(flagMore, 1), frame(0, 1), runFlushes), []int{64, 3, 6}},
		{"two messages before the flush: one write", concat(greeting, runFlushes, frame(0, 1), frame(flagMore, 1), frame(0, 1), runFlushes), []int{64, 3 + 6}},
		{"unfinished message", concat(greeting, runFlushes, frame(flagMore, 4), runFlushes), []int{64}},
		{"larger than a batch: sent at once", concat(greeting, runFlushes, frame(flagMore, flushSize)), []int{64, 9 + flushSize}},
		{"larger than a batch, then the end", concat(greeting, runFlushes, frame(flagMore, flushSize), frame(0, 1), runFlushes), []int{64, 9 + flushSize, 3}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rec := &recordingConn{}
			conn := newBatchedConn(rec, readPolicyOf(context.Background()))
			var scheduled []func()
			conn.schedule = func(flush func()) { scheduled = append(scheduled, flush) }
			for _, w := range c.writes {
				if w == nil {
					for _, flush := range scheduled {
						flush()
					}
					scheduled = nil
					continue
				}
				if n, err := conn.Write(w); n != len(w) || err != nil {
					t.Fatalf("Write = %d, %v", n, err)
				}
			}
			var got []int
			for _, w := range rec.writes {
				got = append(got, len(w))
			}
			if !slices.Equal(got, c.flushes) {
				t.Errorf("writes reaching the connection = %v bytes, want %v", got, c.flushes)
			}
			var sent []byte
			for _, w := range rec.writes {
				sent = append(sent, w...)
			}
			var written []byte
			for _, w := range c.writes {
				written = append(written, w...)
			}
			if !bytes.HasPrefix(written, sent) {
				t.Error("the batched bytes are not the written ones, in order")
			}
		})
	}
}

// failingConn is a net.Conn whose writes fail.
type failingConn struct{ net.Conn }

func (failingConn) Write([]byte) (int, error) { return 0, net.ErrClosed }

func TestBatchedConnReportsAFailedFlush(t *testing.T) {
	conn := newBatchedConn(failingConn{}, readPolicyOf(context.Background()))
	var scheduled func()
	conn.schedule = func(flush func()) { scheduled = flush }
	if _, err := conn.Write(make([]byte, greetingSize)); err != nil || scheduled == nil {
		t.Fatalf("the write that schedules the flush: %v", err)
	}
	scheduled()
	if _, err := conn.Write([]byte{0, 1}); !errors.Is(err, net.ErrClosed) {
		t.Errorf("the write after a failed flush: %v, want %v", err, net.ErrClosed)
	}
}

func TestBatchedConnCloseSendsTheBatch(t *testing.T) {
	rec := &recordingConn{Conn: nopConn{}}
	conn := newBatchedConn(rec, readPolicyOf(context.Background()))
	conn.schedule = func(func()) {}
	conn.Write(make([]byte, greetingSize))
	conn.Write(concat(frame(0, 3))[0])
	conn.Write(concat(frame(0, 3))[1])
	if len(rec.writes) != 0 {
		t.Fatalf("%d writes before Close", len(rec.writes))
	}
	if err := conn.Close(); err != nil {
		t.Fatal(err)
	}
	if len(rec.writes) != 1 || len(rec.writes[0]) != greetingSize+5 {
		t.Errorf("Close sent %d writes, want one of the batch", len(rec.writes))
	}
}

// nopConn is a net.Conn whose Close does nothing.
type nopConn struct{ net.Conn }

func (nopConn) Close() error { return nil }

func TestSocketEndpoint(t *testing.T) {
	cases := []struct {
		info ConnectionInfo
		want string
	}{
		{ConnectionInfo{Transport: "tcp", IP: "127.0.0.1"}, "tcp+concurlab://127.0.0.1:9000"},
		{ConnectionInfo{Transport: "tcp", IP: "::1"}, "tcp+concurlab://[::1]:9000"},
		{ConnectionInfo{Transport: "ipc", IP: "/tmp/kernel"}, "ipc+concurlab:///tmp/kernel-9000"},
	}
	for _, c := range cases {
		if got := c.info.SocketEndpoint(9000); got != c.want {
			t.Errorf("SocketEndpoint of %+v = %q, want %q", c.info, got, c.want)
		}
	}
}

// A batched socket talks with a plain tcp one, as the kernel does with Jupyter's clients.
func TestBatchedTalksToPlainTCP(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	info := ConnectionInfo{Transport: "tcp", IP: "127.0.0.1"}
	router := zmq4.NewRouter(ctx)
	defer router.Close()
	if err := router.Listen(info.SocketEndpoint(port)); err != nil {
		t.Fatal(err)
	}
	dealer := zmq4.NewDealer(ctx, zmq4.WithID(zmq4.SocketIdentity("plain")))
	defer dealer.Close()
	if err := dealer.Dial(info.Endpoint(port)); err != nil {
		t.Fatal(err)
	}
	long := bytes.Repeat([]byte("y"), 1000)
	if err := dealer.SendMulti(zmq4.NewMsgFrom([]byte("hello"), nil, long)); err != nil {
		t.Fatal(err)
	}
	got, err := router.Recv()
	if err != nil {
		t.Fatal(err)
	}
	if want := [][]byte{[]byte("plain"), []byte("hello"), {}, long}; !slices.EqualFunc(got.Frames, want, bytes.Equal) {
		t.Fatalf("router received %q, want %q", got.Frames, want)
	}
	if err := router.SendMulti(zmq4.NewMsgFrom([]byte("plain"), []byte("reply"), long)); err != nil {
		t.Fatal(err)
	}
	back, err := dealer.Recv()
	if err != nil {
		t.Fatal(err)
	}
	if want := [][]byte{[]byte("reply"), long}; !slices.EqualFunc(back.Frames, want, bytes.Equal) {
		t.Errorf("dealer received %q, want %q", back.Frames, want)
	}
}
