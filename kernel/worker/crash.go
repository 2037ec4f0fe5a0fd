package worker

import (
	"fmt"
	"os"
	"regexp"
	"strings"
	"syscall"

	"github.com/concurlab/concurlab/kernel/engine"
)

// reportLines is how many lines of the runtime's crash report a crash error quotes.
const reportLines = 8

// mapHint is the advice for the map races the runtime catches.
const mapHint = "guard the map with a sync.Mutex, or use sync.Map"

// fatalErrors explain the runtime's "fatal error: ..." messages, matched by their text.
var fatalErrors = []struct{ match, cause, hint string }{
	{"concurrent map writes", "two goroutines wrote the same map at once", mapHint},
	{"concurrent map read and map write", "one goroutine read a map while another wrote it", mapHint},
	{"concurrent map iteration and map write", "one goroutine ranged over a map while another wrote it", mapHint},
	{"stack overflow", "a function called itself without end and overflowed the stack",
		"give the recursion a case that stops it, or turn it into a loop"},
	{"out of memory", "the evaluator ran out of memory",
		"make less data at once: smaller slices, fewer goroutines, or work through the data in parts"},
}

// crash is why a worker died, in plain words.
type crash struct {
	// cause says what happened, with the runtime's own words in parentheses.
	cause string
	// hint says what to do about it.
	hint string
	// report is the first lines of the runtime's crash report, if it wrote one.
	report []string
}

// explainCrash explains a worker's death from its crash report (the part of its stderr that
// the runtime wrote when it crashed) and its exit state.
func explainCrash(report string, state *os.ProcessState) crash {
	c := explainReport(report)
	if c.cause == "" {
		c = explainExit(state)
	}
	c.report = relevantLines(report, reportLines)
	return c
}

// explainReport explains a runtime crash report; the cause is "" when report says nothing
// it knows.
func explainReport(report string) crash {
	for _, line := range strings.Split(report, "\n") {
		line = strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(line, "fatal error: "):
			msg := strings.TrimPrefix(line, "fatal error: ")
			for _, f := range fatalErrors {
				if strings.Contains(msg, f.match) {
					return crash{cause: fmt.Sprintf("%s (%s)", f.cause, line), hint: f.hint}
				}
			}
			return crash{cause: fmt.Sprintf("the Go runtime stopped the evaluator (%s)", line),
				hint: "this is a bug that no recover can catch; look at the lines below for where it happened"}
		case strings.Contains(line, "nil pointer dereference"), strings.HasPrefix(line, "SIGSEGV"),
			strings.HasPrefix(line, "unexpected fault address"):
			return crash{cause: fmt.Sprintf("compiled code used a nil or invalid pointer (%s)", line),
				hint: "check for nil the pointers, maps and interfaces that the cell hands to library calls"}
		case strings.HasPrefix(line, "panic: "):
			return crash{cause: fmt.Sprintf("a goroutine panicked and nothing recovered it (%s)", line),
				hint: "recover inside the goroutine (defer func() { recover() }()), or fix what panicked"}
		}
	}
	return crash{}
}

// explainExit explains a worker that died without a crash report, from its exit state.
func explainExit(state *os.ProcessState) crash {
	if state == nil {
		return crash{cause: "the evaluator stopped for a reason it did not tell", hint: "run the cell again"}
	}
	if ws, ok := state.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		sig := ws.Signal()
		if sig == syscall.SIGKILL {
			return crash{cause: fmt.Sprintf("the evaluator was killed (signal %v), most often by the system because it used too much memory", sig),
				hint: "make less data at once, or look for a goroutine that keeps allocating"}
		}
		return crash{cause: fmt.Sprintf("the evaluator was stopped by a signal (%v)", sig),
			hint: "something outside the notebook signalled the evaluator process"}
	}
	code := state.ExitCode()
	return crash{cause: fmt.Sprintf("the cell's code ended the evaluator with os.Exit(%d) (exit status %d)", code, code),
		hint: "os.Exit and log.Fatal end the whole program; return from the cell, or panic, instead"}
}

// hiddenFrames prefix the stack frames that a crash error leaves out: the runtime's and the
// interpreter's own (reflect is how yaegi reaches maps and calls), which say nothing about
// the user's code.
var hiddenFrames = []string{"runtime.", "internal/", "reflect.", "github.com/traefik/yaegi/"}

// relevantLines returns up to n lines of a runtime crash report that a person reads: the
// messages and the goroutine headers and frames, without blank lines, the runtime's
// register dump and the runtime's or interpreter's own frames.
func relevantLines(report string, n int) []string {
	var lines []string
	all := strings.Split(report, "\n")
	for i := 0; i < len(all) && len(lines) < n; i++ {
		line := strings.TrimRight(all[i], " \t")
		trimmed := strings.TrimSpace(line)
		switch {
		case trimmed == "", trimmed == "runtime stack:", strings.HasPrefix(trimmed, "runtime: sp="):
		case hiddenFrame(trimmed):
			if i+1 < len(all) && strings.HasPrefix(all[i+1], "\t") {
				i++
			}
		default:
			lines = append(lines, tidyLine(line))
		}
	}
	return lines
}

// debugHeader matches the header of a goroutine's trace in a crash report with the
// scheduler's fields (gp=, m=, mp=) between its number and its state.
var debugHeader = regexp.MustCompile(`^goroutine (\d+) gp=.*(\[.*\]:)$`)

// tidyLine drops the addresses a crash report adds to goroutine headers and frames.
func tidyLine(line string) string {
	if before, _, ok := strings.Cut(line, " fp="); ok {
		return before
	}
	return debugHeader.ReplaceAllString(line, "goroutine $1 $2")
}

// hiddenFrame tells whether line is the function line of a frame to leave out.
func hiddenFrame(line string) bool {
	for _, prefix := range hiddenFrames {
		if strings.HasPrefix(line, prefix) {
			return true
		}
	}
	return false
}

// restartNote says what survives a replaced worker.
func restartNote(replayed bool) string {
	if replayed {
		return "a fresh evaluator takes over, with your declarations (funcs, types, imports) replayed; variable values are reset"
	}
	return "a fresh evaluator takes over; variable values are reset"
}

// crashError is the error of a cell during which the worker died.
func (c crash) crashError(replayed bool) *engine.Error {
	return &engine.Error{Name: "WorkerCrashed", Value: c.cause, Traceback: c.lines(replayed)}
}

// lines are the crash's explanation, hint, report and what survived, one a line.
func (c crash) lines(replayed bool) []string {
	lines := []string{"The evaluator process stopped: " + c.cause + ".", "Hint: " + c.hint + "."}
	for _, l := range c.report {
		lines = append(lines, "    "+l)
	}
	return append(lines, restartNote(replayed)+".")
}
