package jupyter

import (
	"bytes"
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"
)

// A client that sends ever new message types cannot make the log grow without bound: past
// maxLogKeys kinds, new ones share one rate-limited line.
func TestLoggerBoundsNewKinds(t *testing.T) {
	var buf bytes.Buffer
	l := newLimitedLogger(slog.New(slog.NewTextHandler(&buf, nil)), time.Hour)
	for i := range maxLogKeys + 100 {
		l.once(fmt.Sprint("unknown type", i), "ignored a message of unknown type")
	}
	if lines := strings.Count(buf.String(), "\n"); lines != maxLogKeys+1 {
		t.Errorf("%d lines for %d kinds, want %d", lines, maxLogKeys+100, maxLogKeys+1)
	}
}
