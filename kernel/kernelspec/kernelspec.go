// Package kernelspec writes the kernelspec that tells Jupyter how to start ConcurLab:
// kernel.json and the 32 and 64 px logos, in the kernels folder of a Jupyter data directory.
package kernelspec

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Name is the kernelspec's name: `jupyter kernelspec list` shows it, and notebooks record it.
const Name = "concurlab"

// Spec is the content of kernel.json.
type Spec struct {
	Argv          []string          `json:"argv"`
	DisplayName   string            `json:"display_name"`
	Language      string            `json:"language"`
	InterruptMode string            `json:"interrupt_mode"`
	Env           map[string]string `json:"env,omitempty"`
	Metadata      map[string]any    `json:"metadata,omitempty"`
}

// NewSpec returns the spec that starts the kernel binary at path.
func NewSpec(binary string) Spec {
	return Spec{
		Argv:          []string{binary, "kernel", "{connection_file}"},
		DisplayName:   "Go (concur)",
		Language:      "go",
		InterruptMode: "message",
	}
}

// Where names a Jupyter data directory the way `jupyter kernelspec install` does.
type Where struct {
	// User selects the user's own data directory (the default).
	User bool
	// SysPrefix selects the data directory of the Python environment that runs Jupyter.
	SysPrefix bool
	// Prefix selects PREFIX/share/jupyter.
	Prefix string
}

// KernelsDir returns the kernels folder that w names.
func (w Where) KernelsDir() (string, error) {
	switch {
	case w.Prefix != "":
		return filepath.Join(w.Prefix, "share", "jupyter", "kernels"), nil
	case w.SysPrefix:
		prefix, err := pythonPrefix()
		if err != nil {
			return "", err
		}
		return filepath.Join(prefix, "share", "jupyter", "kernels"), nil
	default:
		return userKernelsDir()
	}
}

// userKernelsDir follows jupyter_core's rules on Linux: $JUPYTER_DATA_DIR, else
// $XDG_DATA_HOME/jupyter, else ~/.local/share/jupyter.
func userKernelsDir() (string, error) {
	if dir := os.Getenv("JUPYTER_DATA_DIR"); dir != "" {
		return filepath.Join(dir, "kernels"), nil
	}
	if dir := os.Getenv("XDG_DATA_HOME"); dir != "" {
		return filepath.Join(dir, "jupyter", "kernels"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("cannot find your home directory for the user kernelspec: %w (use --prefix DIR)", err)
	}
	return filepath.Join(home, ".local", "share", "jupyter", "kernels"), nil
}

// pythonPrefix asks the Python that runs Jupyter for its sys.prefix, preferring the
// system's /usr/bin/python3, where Debian's Jupyter lives.
func pythonPrefix() (string, error) {
	for _, python := range []string{"/usr/bin/python3", "python3"} {
		out, err := exec.Command(python, "-c", "import sys; print(sys.prefix)").Output()
		if err == nil {
			return strings.TrimSpace(string(out)), nil
		}
	}
	return "", fmt.Errorf("--sys-prefix needs python3 to tell its sys.prefix, and none answered (use --prefix DIR)")
}

// Install writes kernel.json and the logos for the binary at path into the kernels folder
// that w names, replacing an earlier install, and returns the kernelspec's folder.
func Install(binary string, w Where) (string, error) {
	kernels, err := w.KernelsDir()
	if err != nil {
		return "", err
	}
	dir := filepath.Join(kernels, Name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("cannot create the kernelspec folder: %w", err)
	}
	spec, err := json.MarshalIndent(NewSpec(binary), "", "  ")
	if err != nil {
		return "", err
	}
	files := map[string][]byte{"kernel.json": append(spec, '\n')}
	for _, size := range []int{32, 64} {
		png, err := Logo(size)
		if err != nil {
			return "", err
		}
		files[fmt.Sprintf("logo-%dx%d.png", size, size)] = png
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			return "", fmt.Errorf("cannot write %s: %w", name, err)
		}
	}
	return dir, nil
}
