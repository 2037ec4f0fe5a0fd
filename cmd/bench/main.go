// Command bench measures the ConcurLab kernel against Debian's ipykernel, side by side in one
// run, and prints the figures as a table: kernel start, a trivial cell's round trip, output
// throughput, interrupts, memory, the interpreter's cost against compiled Go, and the concur
// library against bare channels.
//
// Usage, from the repository:
//
//	go run ./cmd/bench [-quick] [-peer=false] [-markdown FILE] [-kernel BINARY]
//
// -quick runs a brief version (for CI, which keeps the command working but never judges its
// figures); -peer=false skips ipykernel; -markdown writes the machine and the table as
// Markdown to FILE; -kernel measures a built concurlab binary instead of building one.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"
)

// config is how much the benchmark measures.
type config struct {
	starts, roundTrips, lines, interrupts, fibN int
	compiledFibN                                int // fib(n) of the %%compile figures
	benchtime                                   string
}

var (
	fullRun  = config{starts: 10, roundTrips: 300, lines: 100_000, interrupts: 5, fibN: 27, compiledFibN: 35, benchtime: "300ms"}
	quickRun = config{starts: 3, roundTrips: 50, lines: 10_000, interrupts: 1, fibN: 20, compiledFibN: 25, benchtime: "20ms"}
)

// clientProcs is the benchmark's own GOMAXPROCS. The benchmark is the client of the kernels
// it measures, and on a machine of two cores it competes with them for the CPU: on one P, its
// socket goroutines hand each message on within one thread instead of waking others, which
// cut its CPU per trivial cell by a third, CPU the kernel under test needs. Both kernels are
// measured by this same client.
const clientProcs = 1

func main() {
	if runChild() {
		return
	}
	runtime.GOMAXPROCS(clientProcs)
	markdown := flag.String("markdown", "", "write the machine and the table as Markdown to `file`")
	quick := flag.Bool("quick", false, "a brief run that checks that every figure can be measured")
	peer := flag.Bool("peer", true, "measure Debian's ipykernel too, where it is installed")
	kernel := flag.String("kernel", "", "the concurlab `binary` to measure; by default one is built")
	python := flag.String("python", "/usr/bin/python3", "the `python` whose ipykernel is the peer")
	flag.Parse()
	if err := run(*markdown, *quick, *peer, *kernel, *python); err != nil {
		fmt.Fprintf(os.Stderr, "bench: %v\n", err)
		os.Exit(1)
	}
}

func run(markdown string, quick, withPeer bool, binary, python string) error {
	began := time.Now()
	cfg := fullRun
	if quick {
		cfg = quickRun
	}
	root, err := moduleRoot()
	if err != nil {
		return err
	}
	host := describeMachine(root, python, withPeer)
	if binary == "" {
		dir, err := os.MkdirTemp("", "concurlab-bench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		binary = filepath.Join(dir, "concurlab")
		logf("building %s", binary)
		if err := goCommand(root, "build", "-o", binary, "./cmd/concurlab").Run(); err != nil {
			return fmt.Errorf("building the kernel: %w", err)
		}
	}
	ours := openSession(concurlab(binary), cfg)
	sessions := []*session{ours}
	var peer *session
	peerName := "ipykernel"
	if withPeer {
		if err := exec.Command(python, "-c", "import ipykernel").Run(); err != nil {
			logf("no ipykernel for %s (%v); skipping the peer", python, err)
		} else {
			peer = openSession(ipykernel(python), cfg)
			sessions = append(sessions, peer)
		}
	}
	measureTrips(sessions, cfg.roundTrips)
	var peerResults *kernelResults
	if peer != nil {
		peer.finish(cfg, nil)
		peerResults = peer.r
	}
	ours.finishOurs(cfg, filepath.Join(root, "notebooks"))
	t := kernelRows(cfg, ours.r, peerResults)
	t = append(t, libraryRows(root, cfg)...)
	t = append(t, processRows(cfg, python, ours.r.realPool)...)
	logf("done in %v", time.Since(began).Round(time.Second))
	if err := t.writeText(os.Stdout, peerName); err != nil {
		return err
	}
	if markdown == "" {
		return nil
	}
	var b strings.Builder
	if err := host.writeMarkdown(&b); err != nil {
		return err
	}
	b.WriteString("\n")
	if err := t.writeMarkdown(&b, peerName); err != nil {
		return err
	}
	return os.WriteFile(markdown, []byte(b.String()), 0o644)
}

// moduleRoot returns the directory of the go.mod that the go command finds from here.
func moduleRoot() (string, error) {
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return "", fmt.Errorf("go env GOMOD: %w", err)
	}
	gomod := strings.TrimSpace(string(out))
	if gomod == "" || gomod == os.DevNull {
		return "", fmt.Errorf("run bench inside the concurlab module")
	}
	return filepath.Dir(gomod), nil
}

// goCommand is the go command with args, run in dir, its output on this process's stderr.
func goCommand(dir string, args ...string) *exec.Cmd {
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	return cmd
}

// logf reports progress on stderr.
func logf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "bench: "+format+"\n", args...)
}
