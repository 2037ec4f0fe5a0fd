package jupyter

import (
	"io"
	"log/slog"
	"time"
)

// Defaults of Options.
const (
	DefaultMaxOutputBytes  = 8 << 20
	DefaultMaxMessageBytes = 256 << 20
	DefaultFlushInterval   = 10 * time.Millisecond
)

// Options tune a Server. The zero value is usable.
type Options struct {
	// Logger receives the server's log lines (bad messages, unknown types, socket errors);
	// nil discards them. The connection key never appears in them.
	Logger *slog.Logger
	// MaxOutputBytes bounds the stream text one cell may publish; past it further text is
	// dropped and one notice says how much. 0 means DefaultMaxOutputBytes.
	MaxOutputBytes int
	// MaxOutputHint tells the user, in the notice, how to raise MaxOutputBytes.
	MaxOutputHint string
	// MaxMessageBytes bounds each ZMTP frame and each message a peer sends on any socket:
	// a peer that announces or sends more is disconnected, with a log line, before the
	// kernel holds more than that of it. 0 means DefaultMaxMessageBytes.
	MaxMessageBytes int
	// FlushInterval is how long stream text waits to be batched. 0 means DefaultFlushInterval.
	FlushInterval time.Duration
}

func (o Options) withDefaults() Options {
	if o.Logger == nil {
		o.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if o.MaxOutputBytes <= 0 {
		o.MaxOutputBytes = DefaultMaxOutputBytes
	}
	if o.MaxOutputHint == "" {
		o.MaxOutputHint = "start the kernel with a larger --max-output"
	}
	if o.MaxMessageBytes <= 0 {
		o.MaxMessageBytes = DefaultMaxMessageBytes
	}
	if o.FlushInterval <= 0 {
		o.FlushInterval = DefaultFlushInterval
	}
	return o
}
