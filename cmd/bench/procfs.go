package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// memory is what /proc/PID/status says of a process's memory, in bytes.
type memory struct {
	// RSS is VmRSS, the resident set now; Peak is VmHWM, the most it ever was.
	RSS, Peak int64
}

// parseStatus reads VmRSS and VmHWM from the text of /proc/PID/status.
func parseStatus(r io.Reader) (memory, error) {
	var m memory
	var found int
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		key, value, ok := strings.Cut(sc.Text(), ":")
		if !ok || (key != "VmRSS" && key != "VmHWM") {
			continue
		}
		fields := strings.Fields(value)
		if len(fields) != 2 || fields[1] != "kB" {
			return memory{}, fmt.Errorf("unexpected %s line %q", key, sc.Text())
		}
		kb, err := strconv.ParseInt(fields[0], 10, 64)
		if err != nil {
			return memory{}, fmt.Errorf("%s: %w", key, err)
		}
		if key == "VmRSS" {
			m.RSS = kb << 10
		} else {
			m.Peak = kb << 10
		}
		found++
	}
	if err := sc.Err(); err != nil {
		return memory{}, err
	}
	if found < 2 {
		return memory{}, fmt.Errorf("no VmRSS and VmHWM (is the process a zombie?)")
	}
	return m, nil
}

// parseParent returns the parent pid from the text of /proc/PID/stat, whose second field,
// the command name in parentheses, may itself hold spaces and parentheses.
func parseParent(stat string) (int, error) {
	end := strings.LastIndexByte(stat, ')')
	if end < 0 {
		return 0, fmt.Errorf("no command name in %q", stat)
	}
	fields := strings.Fields(stat[end+1:])
	if len(fields) < 2 {
		return 0, fmt.Errorf("too few fields in %q", stat)
	}
	return strconv.Atoi(fields[1])
}

// clockTick is the unit of the CPU times in /proc/PID/stat (USER_HZ, 100 on Linux).
const clockTick = 10 * time.Millisecond

// parseCPUTime returns the CPU time, user and system, from the text of /proc/PID/stat.
func parseCPUTime(stat string) (time.Duration, error) {
	end := strings.LastIndexByte(stat, ')')
	if end < 0 {
		return 0, fmt.Errorf("no command name in %q", stat)
	}
	fields := strings.Fields(stat[end+1:])
	if len(fields) < 13 {
		return 0, fmt.Errorf("too few fields in %q", stat)
	}
	var ticks int64
	for _, f := range fields[11:13] { // utime and stime, the 14th and 15th fields
		n, err := strconv.ParseInt(f, 10, 64)
		if err != nil {
			return 0, fmt.Errorf("CPU time %q: %w", f, err)
		}
		ticks += n
	}
	return time.Duration(ticks) * clockTick, nil
}

// processCPU reads the CPU time that process pid has used.
func processCPU(pid int) (time.Duration, error) {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, err
	}
	return parseCPUTime(string(data))
}

// processMemory reads the memory of process pid.
func processMemory(pid int) (memory, error) {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return memory{}, err
	}
	defer f.Close()
	return parseStatus(f)
}

// processTree maps each running process's pid to its children's pids.
func processTree() map[int][]int {
	children := map[int][]int{}
	stats, _ := filepath.Glob("/proc/[0-9]*/stat")
	for _, path := range stats {
		data, err := os.ReadFile(path)
		if err != nil {
			continue // the process has gone
		}
		child, err := strconv.Atoi(filepath.Base(filepath.Dir(path)))
		if err != nil {
			continue
		}
		if parent, err := parseParent(string(data)); err == nil {
			children[parent] = append(children[parent], child)
		}
	}
	return children
}

// descendants returns pid's children, grandchildren and so on in tree.
func descendants(tree map[int][]int, pid int) []int {
	var found []int
	for queue := tree[pid]; len(queue) > 0; queue = queue[1:] {
		found = append(found, queue[0])
		queue = append(queue, tree[queue[0]]...)
	}
	return found
}

// treeUsage is the memory of a process and of the tree of processes it is the root of.
type treeUsage struct{ root, total memory }

// treeMemory reads the memory of pid and sums it with its descendants'.
func treeMemory(pid int) (treeUsage, error) {
	root, total, err := sumTree(pid, processMemory, func(a, b memory) memory {
		return memory{RSS: a.RSS + b.RSS, Peak: a.Peak + b.Peak}
	})
	return treeUsage{root, total}, err
}

// treeCPU is the CPU time of a process and of the tree of processes it is the root of.
type treeCPU struct{ root, total time.Duration }

// treeCPUTime reads the CPU time of pid and sums it with its descendants'.
func treeCPUTime(pid int) (treeCPU, error) {
	root, total, err := sumTree(pid, processCPU, func(a, b time.Duration) time.Duration { return a + b })
	return treeCPU{root, total}, err
}

// sumTree reads a figure of pid and of each of its descendants (those gone meanwhile are
// skipped), and returns pid's and the sum.
func sumTree[T any](pid int, read func(int) (T, error), add func(T, T) T) (root, total T, err error) {
	if root, err = read(pid); err != nil {
		return root, total, err
	}
	total = root
	for _, child := range descendants(processTree(), pid) {
		if v, err := read(child); err == nil {
			total = add(total, v)
		}
	}
	return root, total, nil
}

// workerPid returns the pid of the one child of the kernel process kernel, its evaluation
// worker.
func workerPid(kernel int) (int, error) {
	children := processTree()[kernel]
	if len(children) != 1 {
		return 0, fmt.Errorf("expected one worker process, found %d children of the kernel", len(children))
	}
	return children[0], nil
}
