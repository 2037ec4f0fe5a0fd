package jupyter

import (
	"context"
	"errors"
	"slices"
	"testing"
)

// header returns a ZMTP frame header with flags for a body of size bytes.
func header(flags byte, size uint64) []byte {
	if size > 255 {
		h := []byte{flags | flagLong, 0, 0, 0, 0, 0, 0, 0, 0}
		for i, n := 8, size; n > 0; i, n = i-1, n>>8 {
			h[i] = byte(n)
		}
		return h
	}
	return []byte{flags, byte(size)}
}

// zmtpFrame is a whole frame: header and body.
func zmtpFrame(flags byte, body string) []byte {
	return append(header(flags, uint64(len(body))), body...)
}

func TestInboundBoundsFramesAndMessages(t *testing.T) {
	const limit = 100
	greeting := make([]byte, greetingSize)
	cases := []struct {
		name string
		// reads are what the peer sends, read by read; the one at index bad, if any, breaks
		// the bound.
		reads [][]byte
		bad   int
	}{
		{"frames within the bound", [][]byte{greeting, zmtpFrame(flagCommand, "READY"), zmtpFrame(flagMore, "id"), zmtpFrame(0, string(make([]byte, limit-2)))}, -1},
		{"a frame of 4 GiB announced", [][]byte{greeting, header(0, 4<<30)}, 1},
		{"its header read in parts", [][]byte{greeting, header(0, 4<<30)[:2], header(0, 4<<30)[2:]}, 2},
		{"a frame one byte over", [][]byte{greeting, header(0, limit+1)}, 1},
		{"frames over the bound together", [][]byte{greeting, zmtpFrame(flagMore, string(make([]byte, 60))), header(0, 41)}, 2},
		{"messages within the bound each", [][]byte{greeting, zmtpFrame(0, string(make([]byte, 60))), zmtpFrame(flagMore, string(make([]byte, 60))), zmtpFrame(0, "")}, -1},
		{"a command over the bound", [][]byte{greeting, header(flagCommand, limit+1)}, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := newInbound(readPolicy{maxMessage: limit})
			for i, r := range c.reads {
				err := in.check(r)
				switch {
				case i == c.bad && !errors.Is(err, errTooLarge):
					t.Fatalf("read %d: %v, want %v", i, err, errTooLarge)
				case i != c.bad && err != nil:
					t.Fatalf("read %d: %v", i, err)
				}
			}
		})
	}
}

func TestInboundNoticesSubscriptions(t *testing.T) {
	greeting := string(make([]byte, greetingSize))
	cases := []struct {
		name  string
		sent  string
		watch bool
		want  []string
	}{
		{"everything", greeting + string(zmtpFrame(0, "\x01")), true, []string{""}},
		{"a topic", greeting + string(zmtpFrame(0, "\x01kernel.")), true, []string{"kernel."}},
		{"two subscriptions", greeting + string(zmtpFrame(0, "\x01a")) + string(zmtpFrame(0, "\x01b")), true, []string{"a", "b"}},
		{"an unsubscription", greeting + string(zmtpFrame(0, "\x00a")), true, nil},
		{"a message of two frames", greeting + string(zmtpFrame(flagMore, "\x01a")) + string(zmtpFrame(0, "x")), true, nil},
		{"a command", greeting + string(zmtpFrame(flagCommand, "\x01a")), true, nil},
		{"not UTF-8", greeting + string(zmtpFrame(0, "\x01\xff")), true, nil},
		{"a socket that does not watch", greeting + string(zmtpFrame(0, "\x01")), false, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			policy := readPolicyOf(context.Background())
			if c.watch {
				policy.subscribed = func(topic []byte) { got = append(got, string(topic)) }
			}
			in := newInbound(policy)
			// Byte by byte: a subscription is reported only at the read after its last byte.
			for i := range len(c.sent) {
				in.passed()
				if err := in.check([]byte{c.sent[i]}); err != nil {
					t.Fatal(err)
				}
			}
			if len(c.want) > 0 && len(got) == len(c.want) {
				t.Fatalf("the last subscription was reported before zmq4 read past it: %q", got)
			}
			in.passed()
			if !slices.Equal(got, c.want) {
				t.Errorf("subscriptions %q, want %q", got, c.want)
			}
		})
	}
}
