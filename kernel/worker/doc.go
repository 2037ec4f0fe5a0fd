// Package worker runs an engine.Engine in a child process and supervises it, so that what no
// recover can catch — fatal runtime errors such as concurrent map writes, a stack overflow,
// os.Exit, a goroutine stuck in a compiled call — costs the child, never the kernel.
//
// The child side is Serve (or RunChild, which takes its pipes from fd 3 and fd 4): it reads
// newline-delimited JSON requests, each a call of one engine method (protocol.go), and writes
// events: the running cell's output and the calls' replies. The parent side is a Supervisor,
// itself an engine.Engine, which starts the child, makes the calls, passes the child's output
// and real stdout/stderr to the running cell through an engine.Gate, explains a crash in the
// cell's error, and starts a fresh child into which it replays the session's declarations
// (engine.Replayer).
package worker
