package worker

import (
	"fmt"
	"os"
	"testing"
)

// workerEnv, when set, makes the test binary a worker process serving a fakeEngine.
const workerEnv = "CONCURLAB_WORKER_TEST_CHILD"

func TestMain(m *testing.M) {
	if os.Getenv(workerEnv) == "1" {
		if err := RunChild(&fakeEngine{}); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Setenv(workerEnv, "1")
	os.Exit(m.Run())
}
