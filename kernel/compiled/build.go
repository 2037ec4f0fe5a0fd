package compiled

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
)

// ErrNoToolchain is the error of a compiled cell where no Go toolchain can be found.
var ErrNoToolchain = errors.New("%%compile needs the Go toolchain, and there is no go command on PATH (nor in $GOROOT/bin); " +
	"install Go (https://go.dev/dl/) or put its bin directory on the kernel's PATH, and restart the kernel; interpreted cells work without it")

// errNoValue is a build whose result expression is a call of no value: the cell has no result.
var errNoValue = errors.New("the cell's last expression has no value")

// programName is the binary's name in its build directory.
const programName = "program"

// buildEnv are the variables of the environment that change what a build makes.
var buildEnv = []string{"GOFLAGS", "GOOS", "GOARCH", "GOAMD64", "GOARM64", "CGO_ENABLED", "GOEXPERIMENT", "CC", "GOTOOLCHAIN"}

// Compiler builds compiled cells into a cache and runs them. The zero value uses
// os.UserCacheDir()/concurlab/compile.
type Compiler struct {
	// Cache is the directory that holds the builds; "" means the user's cache directory.
	Cache string
	// builds counts the go build commands run, for tests of the cache.
	builds int
}

// cacheDir returns the cache directory, made if need be.
func (c *Compiler) cacheDir() (string, error) {
	dir := c.Cache
	if dir == "" {
		base, err := os.UserCacheDir()
		if err != nil {
			return "", fmt.Errorf("%%%%compile has nowhere to put its builds: %w", err)
		}
		dir = filepath.Join(base, "concurlab", "compile")
	}
	return dir, os.MkdirAll(filepath.Join(dir, "build"), 0o755)
}

// goCommand finds the go command: on PATH, or in $GOROOT/bin.
func goCommand() (string, error) {
	if p, err := exec.LookPath("go"); err == nil {
		return p, nil
	}
	if root := os.Getenv("GOROOT"); root != "" {
		p := filepath.Join(root, "bin", "go")
		if info, err := os.Stat(p); err == nil && !info.IsDir() {
			return p, nil
		}
	}
	return "", ErrNoToolchain
}

// build returns the binary of prog built with flags, from the cache when it holds one.
func (c *Compiler) build(ctx context.Context, prog *program, flags []string) (string, error) {
	gocmd, err := goCommand()
	if err != nil {
		return "", err
	}
	cache, err := c.cacheDir()
	if err != nil {
		return "", err
	}
	files := map[string]string{}
	for name, text := range prog.files {
		files[name] = text
	}
	resolve := false
	lib := embedded()
	libDir := ""
	if prog.library {
		if libDir, err = lib.directory(cache); err != nil {
			return "", fmt.Errorf("%%%%compile cannot write the concur and display sources to %s: %w", cache, err)
		}
	}
	files["go.mod"], files["go.sum"], resolve = lib.moduleFiles(prog, libDir)

	dir := filepath.Join(cache, "build", buildKey(gocmd, files, flags))
	binary := filepath.Join(dir, programName)
	if _, err := os.Stat(binary); err == nil {
		return binary, nil
	}
	noValue := dir + ".novalue" // the result expression has no value: build without it
	if _, err := os.Stat(noValue); err == nil && prog.result {
		return "", errNoValue
	}
	tmp, err := os.MkdirTemp(filepath.Join(cache, "build"), "tmp-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(tmp)
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(tmp, name), []byte(text), 0o644); err != nil {
			return "", err
		}
	}
	args := append(append([]string{"build"}, flags...), "-o", programName, ".")
	cmd := exec.CommandContext(ctx, gocmd, args...)
	cmd.Dir = tmp
	cmd.Env = os.Environ()
	if resolve {
		cmd.Env = append(cmd.Env, "GOFLAGS="+strings.TrimSpace(os.Getenv("GOFLAGS")+" -mod=mod"))
	}
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	c.builds++
	out, err := cmd.CombinedOutput()
	if ctx.Err() != nil {
		return "", ctx.Err()
	}
	if err != nil {
		if prog.result && strings.Contains(string(out), "(no value) used as value") {
			os.WriteFile(noValue, nil, 0o644)
			return "", errNoValue
		}
		return "", &buildError{report: string(out), library: prog.library && !strings.Contains(string(out), "__cell_")}
	}
	if err := os.Rename(tmp, dir); err != nil {
		if _, statErr := os.Stat(binary); statErr != nil {
			return "", err
		}
	}
	return binary, nil
}

// buildKey names the build of files with flags by the go command gocmd in the environment.
func buildKey(gocmd string, files map[string]string, flags []string) string {
	h := sha256.New()
	fmt.Fprintf(h, "go %s\nflags %q\n", gocmd, flags)
	if info, err := os.Stat(gocmd); err == nil {
		fmt.Fprintf(h, "tool %d %d\n", info.Size(), info.ModTime().UnixNano())
	}
	for _, name := range buildEnv {
		fmt.Fprintf(h, "%s=%s\n", name, os.Getenv(name))
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		fmt.Fprintf(h, "%s %d\n%s", name, len(files[name]), files[name])
	}
	return hex.EncodeToString(h.Sum(nil))[:32]
}

// buildError is a build that failed: the go command's report.
type buildError struct {
	report string
	// library tells that the failure is not in the cell's code: concur or display did not
	// build or could not be found.
	library bool
}

func (e *buildError) Error() string { return e.report }

// splitFlags splits the arguments of %%compile as a shell splits words, with ” and "".
func splitFlags(arg string) ([]string, error) {
	var words []string
	var word strings.Builder
	inWord := false
	var quote rune
	for _, r := range arg {
		switch {
		case quote != 0 && r == quote:
			quote = 0
		case quote != 0:
			word.WriteRune(r)
		case r == '"' || r == '\'':
			quote, inWord = r, true
		case r == ' ' || r == '\t':
			if inWord {
				words = append(words, word.String())
				word.Reset()
				inWord = false
			}
		default:
			word.WriteRune(r)
			inWord = true
		}
	}
	if quote != 0 {
		return nil, fmt.Errorf("%%%%compile %s: a quote is not closed", arg)
	}
	if inWord {
		words = append(words, word.String())
	}
	for _, w := range words {
		if w == "-o" || strings.HasPrefix(w, "-o=") {
			return nil, fmt.Errorf("%%%%compile takes go build flags, but not -o: the kernel chooses where the program goes")
		}
	}
	return words, nil
}
