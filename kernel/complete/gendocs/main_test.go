package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestDocsFresh regenerates the documentation index and fails when the committed one differs:
// rerun `go generate ./kernel/complete`.
func TestDocsFresh(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command to read the sources with")
	}
	fresh := filepath.Join(t.TempDir(), "docs.zip")
	if err := write(fresh, documentAll("../../..")); err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(fresh)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("../docs.zip")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("kernel/complete/docs.zip is stale (%d bytes, a fresh one has %d): run go generate ./kernel/complete", len(got), len(want))
	}
}
