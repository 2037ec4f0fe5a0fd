package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
)

// machine describes where the figures were measured.
type machine struct {
	cpu, linux, goVersion, commit, peer string
	load                                string // /proc/loadavg's 1, 5 and 15 minute averages
	cores                               int
	memory                              int64 // bytes
}

// describeMachine reads the machine's description; what cannot be read stays empty.
func describeMachine(root, python string, withPeer bool) machine {
	m := machine{cores: runtime.NumCPU(), goVersion: runtime.Version()}
	if f, err := os.Open("/proc/cpuinfo"); err == nil {
		m.cpu = procField(f, "model name")
		f.Close()
	}
	if f, err := os.Open("/proc/meminfo"); err == nil {
		kb, _ := strconv.ParseInt(strings.TrimSuffix(procField(f, "MemTotal"), " kB"), 10, 64)
		m.memory = kb << 10
		f.Close()
	}
	if data, err := os.ReadFile("/proc/sys/kernel/osrelease"); err == nil {
		m.linux = strings.TrimSpace(string(data))
	}
	if data, err := os.ReadFile("/proc/loadavg"); err == nil {
		if fields := strings.Fields(string(data)); len(fields) >= 3 {
			m.load = strings.Join(fields[:3], " ")
		}
	}
	if out, err := exec.Command("git", "-C", root, "describe", "--always", "--dirty").Output(); err == nil {
		m.commit = strings.TrimSpace(string(out))
	}
	if withPeer {
		out, err := exec.Command(python, "-c", "import ipykernel, jupyter_client, sys; print(ipykernel.__version__, jupyter_client.__version__, sys.version.split()[0])").Output()
		if fields := strings.Fields(string(out)); err == nil && len(fields) == 3 {
			m.peer = fmt.Sprintf("ipykernel %s (jupyter_client %s, Python %s)", fields[0], fields[1], fields[2])
		}
	}
	return m
}

// procField returns the value of the first "key: value" line of a /proc file with key.
func procField(r io.Reader, key string) string {
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if ok && strings.TrimSpace(k) == key {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// writeMarkdown writes the machine as a Markdown list.
func (m machine) writeMarkdown(w io.Writer) error {
	peer := m.peer
	if peer == "" {
		peer = "not measured"
	}
	_, err := fmt.Fprintf(w, "- CPU: %s, %d cores (`nproc`)\n- memory: %s\n- Linux %s, %s\n- concurlab at %s; peer: %s\n- load average when the run began: %s\n",
		m.cpu, m.cores, gib(m.memory), m.linux, m.goVersion, m.commit, peer, m.load)
	return err
}

// gib writes a byte count in GiB.
func gib(bytes int64) string { return fmt.Sprintf("%.1f GiB", float64(bytes)/(1<<30)) }
