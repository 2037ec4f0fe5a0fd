package eval

import (
	"encoding/json"
	"errors"
	"fmt"
	"go/token"
	"io"
	"os"
	"os/exec"
	"reflect"
	"strings"
	"syscall"

	"github.com/concurlab/concurlab/concur"
	"github.com/concurlab/concurlab/kernel/engine"
)

// The children of real process pools (concur.StartProcesses) are processes that run
// ServeProcess: the session starts them with Options.ProcessCommand, hands them the
// session's declarations on their stdin, and lets them write to the cells' stdout and stderr.

// publishSources makes the session's declarations as they are now the ones that the
// children of process pools get: the cell's statements, which start pools, run with s.mu held.
func (s *Session) publishSources() {
	sources := s.sourcesLocked()
	s.sources.Store(&sources)
}

// startProcess is the session's concur.ProcessStarter: a child that replays the declarations
// that publishSources published last, dies with this process, and prints into the cell.
func (s *Session) startProcess() (*exec.Cmd, error) {
	var sources []string
	if p := s.sources.Load(); p != nil {
		sources = *p
	}
	decls, err := json.Marshal(sources)
	if err != nil {
		return nil, err
	}
	argv := s.opts.ProcessCommand
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Stdin = strings.NewReader(string(decls))
	cmd.Stdout, cmd.Stderr = s.ro.stdout.w, s.ro.stderr.w
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	return cmd, nil
}

// ServeProcess is the main of a child of a real process pool: it reads the session's
// declarations (a JSON array of sources, as Declarations returns them) from declarations,
// declares them in a fresh session, and serves the pool's calls (concur.ServeProcess) by
// looking the functions up among them, until the pool closes. What the functions print goes
// to this process's stdout and stderr; what they display is dropped, and they cannot read
// input. A declaration that fails to replay is told on stderr and left out.
func ServeProcess(declarations io.Reader) error {
	var sources []string
	if err := json.NewDecoder(declarations).Decode(&sources); err != nil {
		return fmt.Errorf("reading the session's declarations: %w", err)
	}
	s, err := New(Options{DeadlockAfter: -1})
	if err != nil {
		return err
	}
	if err := s.Replay(sources); err != nil {
		fmt.Fprintf(os.Stderr, "process %d left out declarations that failed: %v\n", os.Getpid(), err)
	}
	s.ro.begin(realStdio{}, 0)
	defer s.ro.end()
	return concur.ServeProcess(s.function)
}

// function returns the function of the session named name.
func (s *Session) function(name string) (reflect.Value, error) {
	if !token.IsIdentifier(name) {
		return reflect.Value{}, fmt.Errorf("%q is not the name of a function", name)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	fn, err := s.in.Eval(name)
	if err != nil || !fn.IsValid() {
		return reflect.Value{}, fmt.Errorf("undefined: %s (a process knows the functions declared in the session's cells)", name)
	}
	if fn.Kind() != reflect.Func {
		return fn, nil
	}
	// A run-time panic of the interpreter's says what Go would say.
	return reflect.MakeFunc(fn.Type(), func(args []reflect.Value) []reflect.Value {
		defer func() {
			if v := recover(); v != nil {
				panic(recovered(v, nil))
			}
		}()
		if fn.Type().IsVariadic() {
			return fn.CallSlice(args)
		}
		return fn.Call(args)
	}), nil
}

// realStdio is the output of a pool's child: its own stdout and stderr.
type realStdio struct{}

func (realStdio) Stream(name, text string) {
	f := os.Stdout
	if name == "stderr" {
		f = os.Stderr
	}
	_, _ = io.WriteString(f, text)
}
func (realStdio) Display(engine.DisplayData) {}
func (realStdio) ClearOutput(bool)           {}
func (realStdio) Input(string, bool) (string, error) {
	return "", errors.New("a process of a process pool cannot read input")
}
