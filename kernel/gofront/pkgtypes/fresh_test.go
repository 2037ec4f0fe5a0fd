package pkgtypes

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestEmbeddedDataFresh regenerates the export data into a temporary directory and fails when
// exports.zip differs, naming the packages whose data changed.
func TestEmbeddedDataFresh(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go toolchain on PATH to generate the export data")
	}
	out := filepath.Join(t.TempDir(), "exports.zip")
	cmd := exec.Command("go", "run", "./gen", "-o", out)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go run ./gen: %v\n%s", err, msg)
	}
	fresh, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(fresh, []byte(exportsZip)) {
		return
	}
	t.Error("exports.zip is stale: rerun go generate ./kernel/gofront/pkgtypes")
	committed, generated := unzip(t, []byte(exportsZip)), unzip(t, fresh)
	for path, data := range generated {
		if old, ok := committed[path]; !ok {
			t.Errorf("%s is missing", path)
		} else if !bytes.Equal(old, data) {
			t.Errorf("%s differs", path)
		}
	}
	for path := range committed {
		if _, ok := generated[path]; !ok {
			t.Errorf("%s is no longer generated", path)
		}
	}
}

// unzip returns the entries of a zip file by name.
func unzip(t *testing.T, data []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	entries := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		entries[f.Name], err = io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
	}
	return entries
}
