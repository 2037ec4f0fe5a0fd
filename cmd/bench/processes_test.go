package main

import (
	"os"
	"os/exec"
	"testing"
)

// TestMain lets the test binary serve as the child process of the process figures.
func TestMain(m *testing.M) {
	if runChild() {
		return
	}
	os.Exit(m.Run())
}

func TestProcessFigures(t *testing.T) {
	measure := map[string]func() (processCosts, error){
		"Go": func() (processCosts, error) { return measureGoProcesses(3) },
		"Python": func() (processCosts, error) {
			if _, err := exec.LookPath("python3"); err != nil {
				t.Skip("no python3")
			}
			return measurePythonPool("python3")
		},
	}
	for name, f := range measure {
		t.Run(name, func(t *testing.T) {
			c, err := f()
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("start-up %v, small task %v, per KiB %v", c.startUp, c.perTask, c.perKiB)
			if c.startUp <= 0 || c.perTask <= 0 || c.perKiB <= 0 {
				t.Errorf("costs %+v: each must be measured", c)
			}
		})
	}
}
