package worker

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"testing"

	"github.com/concurlab/concurlab/kernel/engine"
)

// workerEnv, when set, makes the test binary a worker process serving a fakeEngine.
const workerEnv = "CONCURLAB_WORKER_TEST_CHILD"

// failStartArg, among a test worker's arguments, makes its engine fail to start.
const failStartArg = "fail-to-start"

// errFakeStart is the error of a test worker whose engine fails to start.
var errFakeStart = errors.New("no pipes for the cells' output")

func TestMain(m *testing.M) {
	if os.Getenv(workerEnv) == "1" {
		err := RunChild(func() (engine.Engine, error) {
			if slices.Contains(os.Args, failStartArg) {
				return nil, errFakeStart
			}
			return &fakeEngine{}, nil
		})
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Setenv(workerEnv, "1")
	os.Exit(m.Run())
}
