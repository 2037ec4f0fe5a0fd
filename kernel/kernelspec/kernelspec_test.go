package kernelspec

import (
	"bytes"
	"encoding/json"
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

func TestInstallWritesSpecAndLogos(t *testing.T) {
	prefix := t.TempDir()
	dir, err := Install("/opt/concurlab/bin/concurlab", Where{Prefix: prefix})
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(prefix, "share", "jupyter", "kernels", "concurlab"); dir != want {
		t.Fatalf("installed in %s, want %s", dir, want)
	}
	raw, err := os.ReadFile(filepath.Join(dir, "kernel.json"))
	if err != nil {
		t.Fatal(err)
	}
	var spec map[string]any
	if err := json.Unmarshal(raw, &spec); err != nil {
		t.Fatalf("kernel.json is not JSON: %v", err)
	}
	want := map[string]any{
		"argv":           []any{"/opt/concurlab/bin/concurlab", "kernel", "{connection_file}"},
		"display_name":   "Go (concur)",
		"language":       "go",
		"interrupt_mode": "message",
	}
	for key, value := range want {
		got, _ := json.Marshal(spec[key])
		exp, _ := json.Marshal(value)
		if !bytes.Equal(got, exp) {
			t.Errorf("kernel.json %s = %s, want %s", key, got, exp)
		}
	}
	for _, size := range []int{32, 64} {
		name := filepath.Join(dir, "logo-"+itoa(size)+"x"+itoa(size)+".png")
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(f)
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if b := img.Bounds(); b.Dx() != size || b.Dy() != size {
			t.Errorf("%s is %dx%d", name, b.Dx(), b.Dy())
		}
	}
}

func TestInstallIsIdempotent(t *testing.T) {
	prefix := t.TempDir()
	for i := 0; i < 2; i++ {
		if _, err := Install("/bin/true", Where{Prefix: prefix}); err != nil {
			t.Fatalf("install %d: %v", i+1, err)
		}
	}
}

func TestUserKernelsDir(t *testing.T) {
	tests := []struct {
		name, dataDir, xdg, home, want string
	}{
		{"JUPYTER_DATA_DIR wins", "/d", "/x", "/h", "/d/kernels"},
		{"XDG_DATA_HOME next", "", "/x", "/h", "/x/jupyter/kernels"},
		{"home last", "", "", "/h", "/h/.local/share/jupyter/kernels"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("JUPYTER_DATA_DIR", tt.dataDir)
			t.Setenv("XDG_DATA_HOME", tt.xdg)
			t.Setenv("HOME", tt.home)
			got, err := Where{User: true}.KernelsDir()
			if err != nil || got != tt.want {
				t.Errorf("got %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

func itoa(n int) string { return string(rune('0'+n/10)) + string(rune('0'+n%10)) }
