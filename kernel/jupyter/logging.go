package jupyter

import (
	"log/slog"
	"sync"
	"time"
)

// maxLogKeys bounds how many kinds of log line the limiter remembers; a client sending ever
// new message types cannot make it grow further.
const maxLogKeys = 256

// limitedLogger writes a warning of each kind at most once per interval and says how many
// it held back, so that a client flooding the kernel with bad messages cannot flood its log.
type limitedLogger struct {
	log   *slog.Logger
	every time.Duration

	mu   sync.Mutex
	last map[string]time.Time
	held map[string]int
}

func newLimitedLogger(log *slog.Logger, every time.Duration) *limitedLogger {
	return &limitedLogger{log: log, every: every, last: make(map[string]time.Time), held: make(map[string]int)}
}

// warn logs msg unless a line of the same kind was logged less than the interval ago.
func (l *limitedLogger) warn(kind, msg string, args ...any) {
	l.mu.Lock()
	if _, known := l.last[kind]; !known && len(l.last) >= maxLogKeys {
		kind = "other"
	}
	now := time.Now()
	if last, ok := l.last[kind]; ok && now.Sub(last) < l.every {
		l.held[kind]++
		l.mu.Unlock()
		return
	}
	held := l.held[kind]
	l.last[kind] = now
	delete(l.held, kind)
	l.mu.Unlock()
	if held > 0 {
		args = append(args, "similar_lines_suppressed", held)
	}
	l.log.Warn(msg, args...)
}

// once logs msg the first time a line of this kind comes, and never again. Once the limiter
// remembers maxLogKeys kinds, new kinds share warn's rate-limited "other".
func (l *limitedLogger) once(kind, msg string, args ...any) {
	l.mu.Lock()
	_, seen := l.last[kind]
	full := !seen && len(l.last) >= maxLogKeys
	if !seen && !full {
		l.last[kind] = time.Now()
	}
	l.mu.Unlock()
	switch {
	case full:
		l.warn("other", msg, args...)
	case !seen:
		l.log.Warn(msg, args...)
	}
}
