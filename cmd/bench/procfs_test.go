package main

import (
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestParseStatus(t *testing.T) {
	f, err := os.Open("testdata/status.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m, err := parseStatus(f)
	if err != nil {
		t.Fatal(err)
	}
	if want := (memory{RSS: 30720 << 10, Peak: 40960 << 10}); m != want {
		t.Errorf("parseStatus = %+v, want %+v", m, want)
	}
}

func TestParseStatusErrors(t *testing.T) {
	cases := map[string]string{
		"zombie":       "Name:\tx\nState:\tZ (zombie)\n",
		"no unit":      "VmHWM:\t10\nVmRSS:\t10\n",
		"not a number": "VmHWM:\tten kB\nVmRSS:\t10 kB\n",
	}
	for name, text := range cases {
		if m, err := parseStatus(strings.NewReader(text)); err == nil {
			t.Errorf("%s: parseStatus = %+v, want an error", name, m)
		}
	}
}

func TestParseParent(t *testing.T) {
	cases := []struct {
		stat string
		want int
	}{
		{"4242 (concurlab) S 17 4242 17 0 -1", 17},
		{"99 (a (weird) name) R 1 99 99 0", 1},
	}
	for _, c := range cases {
		if got, err := parseParent(c.stat); err != nil || got != c.want {
			t.Errorf("parseParent(%q) = %d, %v; want %d", c.stat, got, err, c.want)
		}
	}
	for _, bad := range []string{"", "12 noparens S 1", "12 (x)"} {
		if got, err := parseParent(bad); err == nil {
			t.Errorf("parseParent(%q) = %d, want an error", bad, got)
		}
	}
}

func TestDescendants(t *testing.T) {
	tree := map[int][]int{1: {10, 20}, 10: {11}, 11: {12}, 30: {31}}
	got := descendants(tree, 1)
	slices.Sort(got)
	if want := []int{10, 11, 12, 20}; !slices.Equal(got, want) {
		t.Errorf("descendants = %v, want %v", got, want)
	}
	if got := descendants(tree, 12); len(got) != 0 {
		t.Errorf("descendants of a leaf = %v", got)
	}
}

func TestTreeMemoryOfThisProcess(t *testing.T) {
	m, err := treeMemory(os.Getpid())
	if err != nil {
		t.Fatal(err)
	}
	if m.root.RSS <= 0 || m.root.Peak < m.root.RSS || m.total.RSS < m.root.RSS {
		t.Errorf("treeMemory = %+v, want 0 < root RSS ≤ root peak, root RSS ≤ total RSS", m)
	}
}

func TestParseCPUTime(t *testing.T) {
	stat := "4242 (concur lab) S 17 4242 17 0 -1 4194560 100 0 0 0 250 37 0 0 20 0 9 0 100"
	if got, err := parseCPUTime(stat); err != nil || got != 2870*time.Millisecond {
		t.Errorf("parseCPUTime = %v, %v; want 2.87s", got, err)
	}
	for _, bad := range []string{"", "1 (x) S 1 2", "1 (x) S 1 1 1 0 -1 0 0 0 0 0 x 1"} {
		if got, err := parseCPUTime(bad); err == nil {
			t.Errorf("parseCPUTime(%q) = %v, want an error", bad, got)
		}
	}
}

func TestTreeCPUTimeCountsTheChildren(t *testing.T) {
	child := exec.Command("sh", "-c", "i=0; while [ $i -lt 200000 ]; do i=$((i+1)); done; sleep 5")
	if err := child.Start(); err != nil {
		t.Skip("no sh:", err)
	}
	defer child.Process.Kill()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		before, err := processCPU(os.Getpid())
		if err != nil {
			t.Fatal(err)
		}
		tree, err := treeCPUTime(os.Getpid())
		if err != nil {
			t.Fatal(err)
		}
		after, err := processCPU(os.Getpid())
		if err != nil {
			t.Fatal(err)
		}
		if tree.root < before || tree.root > after {
			t.Fatalf("root %v, but the process used %v before and %v after", tree.root, before, after)
		}
		if tree.total > tree.root {
			return // the busy child counted
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Error("the total never rose above the process's own CPU while a child computed")
}
