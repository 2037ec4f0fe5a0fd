package worker

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"
)

// An interrupt stops interpreted code at its next instruction, so a worker that still keeps
// a core busy after an interrupted cell, with no cell running, is stuck in a compiled call
// that nothing can stop (a huge math/big computation, a sort of a huge slice). It is replaced
// rather than left to burn the core.
const (
	// abandonedWindow is how long one look at the worker's CPU lasts.
	abandonedWindow = 300 * time.Millisecond
	// abandonedWindows is how many looks the worker gets after an interrupted cell.
	abandonedWindows = 5
	// abandonedShare is the share of one core over a window that counts as busy.
	abandonedShare = 0.6
)

// clockTicks is the unit of the CPU times in /proc/PID/stat (USER_HZ, 100 on Linux).
const clockTicks = 100

// watchAbandoned replaces g's worker p if, in one of abandonedWindows windows after an
// interrupted cell, it keeps a core busy while no other cell has started; cells is the count
// of cells started up to the interrupted one. (A loaded machine may hold the stuck call back
// in one window, hardly in all.)
func (s *Supervisor) watchAbandoned(g *generation, p *process, cells uint64) {
	before, ok := processCPU(p.pid())
	for range abandonedWindows {
		if !ok {
			return
		}
		time.Sleep(abandonedWindow)
		var after time.Duration
		after, ok = processCPU(p.pid())
		s.mu.Lock()
		idle := s.cells == cells && s.gen == g // no cell ran since the interrupted one
		s.mu.Unlock()
		if !idle {
			return
		}
		if busy := after - before; ok && float64(busy) >= abandonedShare*float64(abandonedWindow) {
			s.replaceAbandoned(g, p, busy)
			return
		}
		before = after
	}
}

// replaceAbandoned replaces g's worker p, which keeps a core busy in a call nothing can stop.
func (s *Supervisor) replaceAbandoned(g *generation, p *process, busy time.Duration) {
	s.opts.Logger.Printf("worker %d: still busy after an interrupted cell (%v of CPU in %v); replacing it", p.pid(), busy, abandonedWindow)
	s.mu.Lock()
	replayed := len(s.decls) > 0
	s.mu.Unlock()
	s.gate.Notice(fmt.Sprintf("The interrupted cell left a compiled call running that an interrupt cannot stop (it kept a core %.0f%% busy); %s.\n",
		100*float64(busy)/float64(abandonedWindow), restartNote(replayed)))
	s.replace(g)
	p.kill(stopAbandoned)
}

// processCPU returns the CPU time that process pid has used, from /proc/PID/stat.
func processCPU(pid int) (time.Duration, bool) {
	data, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return 0, false
	}
	return parseStatCPU(string(data))
}

// parseStatCPU reads utime and stime, the 14th and 15th fields of /proc/PID/stat; the command
// name in parentheses may hold spaces, so fields are counted after its closing parenthesis.
func parseStatCPU(stat string) (time.Duration, bool) {
	i := strings.LastIndexByte(stat, ')')
	if i < 0 {
		return 0, false
	}
	fields := strings.Fields(stat[i+1:])
	if len(fields) < 13 {
		return 0, false
	}
	utime, err1 := strconv.ParseInt(fields[11], 10, 64)
	stime, err2 := strconv.ParseInt(fields[12], 10, 64)
	if err1 != nil || err2 != nil {
		return 0, false
	}
	return time.Duration(utime+stime) * time.Second / clockTicks, true
}
