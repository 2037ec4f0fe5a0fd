package client_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/concurlab/concurlab/kernel/client"
	"github.com/concurlab/concurlab/kernel/engine"
	"github.com/concurlab/concurlab/kernel/jupyter"
)

// kernelEnv makes the test binary run as a kernel: the helper process that Start starts.
const kernelEnv = "CONCURLAB_CLIENT_TEST_KERNEL"

func TestMain(m *testing.M) {
	if os.Getenv(kernelEnv) == "1" {
		os.Exit(runKernel(os.Args[len(os.Args)-1]))
	}
	os.Exit(m.Run())
}

// runKernel serves echoEngine on the connection file at path until shutdown.
func runKernel(path string) int {
	info, err := jupyter.ReadConnectionFile(path)
	if err != nil {
		return 2
	}
	srv, err := jupyter.NewServer(info, echoEngine{}, jupyter.Options{})
	if err != nil {
		return 3
	}
	if err := srv.Run(context.Background()); err != nil {
		return 4
	}
	return 0
}

// echoEngine prints each cell's code and returns its length.
type echoEngine struct{}

func (echoEngine) Info() engine.Info {
	return engine.Info{Implementation: "echo", Language: engine.LanguageInfo{Name: "go"}}
}

func (echoEngine) Execute(ctx context.Context, req engine.ExecuteRequest, out engine.Output) engine.ExecuteReply {
	if req.Code == "block" {
		<-ctx.Done()
		return engine.ExecuteReply{Error: &engine.Error{Name: "Interrupted", Value: "interrupted", Traceback: []string{"interrupted"}}}
	}
	out.Stream("stdout", req.Code)
	return engine.ExecuteReply{Result: &engine.DisplayData{Data: map[string]any{"text/plain": strconv.Itoa(len(req.Code))}}}
}

func (echoEngine) Complete(string, int) engine.Completion     { return engine.Completion{} }
func (echoEngine) Inspect(string, int, int) engine.Inspection { return engine.Inspection{} }
func (echoEngine) IsComplete(string) engine.Completeness {
	return engine.Completeness{Status: "complete"}
}
func (echoEngine) Shutdown(bool) {}

func startKernel(t *testing.T) *client.Client {
	t.Helper()
	t.Setenv(kernelEnv, "1")
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	c, err := client.Start(ctx, []string{os.Args[0], "-test.run=^$", "{connection_file}"})
	if err != nil {
		t.Fatal(err)
	}
	c.Timeout = 5 * time.Second
	t.Cleanup(func() { c.Close() })
	return c
}

func decode(t *testing.T, m *jupyter.Message) map[string]any {
	t.Helper()
	var c map[string]any
	if err := json.Unmarshal(m.Content, &c); err != nil {
		t.Fatal(err)
	}
	return c
}

func TestStartExecuteInterruptShutdown(t *testing.T) {
	c := startKernel(t)
	info, err := c.KernelInfo()
	if err != nil {
		t.Fatal(err)
	}
	if got := decode(t, info)["implementation"]; got != "echo" {
		t.Errorf("implementation = %v", got)
	}
	reply, msgs, err := c.Execute("hello")
	if err != nil {
		t.Fatal(err)
	}
	if got := decode(t, reply)["status"]; got != "ok" {
		t.Errorf("status = %v", got)
	}
	var types []string
	for _, m := range msgs {
		types = append(types, m.Header.MsgType)
	}
	if got, want := strings.Join(types, " "), "status execute_input stream execute_result status"; got != want {
		t.Errorf("iopub = %s, want %s", got, want)
	}
	if err := c.Ping(5 * time.Second); err != nil {
		t.Fatal(err)
	}

	id, err := c.Send(client.Shell, "execute_request", client.ExecuteRequest{Code: "block"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Interrupt(); err != nil {
		t.Fatal(err)
	}
	// The interrupt may come before the cell starts; interrupt until the cell ends.
	for {
		m, err := c.Recv(client.Shell, 200*time.Millisecond)
		if err == nil && m.Parent.MsgID == id {
			break
		}
		if !errors.Is(err, client.ErrTimeout) {
			t.Fatalf("waiting for the interrupted cell: %v %v", m, err)
		}
		if _, err := c.Interrupt(); err != nil {
			t.Fatal(err)
		}
	}

	cmdline, err := os.ReadFile(fmt.Sprintf("/proc/%d/cmdline", c.Pid()))
	if err != nil || !strings.Contains(string(cmdline), "-test.run=^$") {
		t.Errorf("Pid %d is not the kernel: cmdline %q, %v", c.Pid(), cmdline, err)
	}

	if _, err := c.Shutdown(false); err != nil {
		t.Fatal(err)
	}
	if err := c.Wait(5 * time.Second); err != nil {
		t.Errorf("kernel exit: %v", err)
	}
}

func TestNewConnection(t *testing.T) {
	info, path, err := client.NewConnection()
	if err != nil {
		t.Fatal(err)
	}
	defer os.Remove(path)
	read, err := jupyter.ReadConnectionFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if read != info || info.Key == "" || info.IP != "127.0.0.1" {
		t.Errorf("file holds %+v, NewConnection returned %+v", read, info)
	}
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm()&0o077 != 0 {
		t.Errorf("connection file mode %v: others can read the key", st.Mode())
	}
}

func TestStartFailsFastWhenTheKernelExits(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	begin := time.Now()
	if _, err := client.Start(ctx, []string{"false", "{connection_file}"}); err == nil {
		t.Fatal("Start succeeded with a kernel that exits at once")
	}
	if d := time.Since(begin); d > 8*time.Second {
		t.Errorf("Start took %v to notice the kernel had exited", d)
	}
}
