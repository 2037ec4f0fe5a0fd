package main

import (
	"fmt"
	"os"
	"runtime/pprof"
)

// profileEnv names a file prefix: when set, the kernel and the worker write CPU profiles to
// PREFIX.kernel and PREFIX.worker until they exit, for `go tool pprof`.
const profileEnv = "CONCURLAB_CPUPROFILE"

// startProfile starts the CPU profile of this process, when profileEnv asks for one, and
// returns the func that stops it.
func startProfile(process string) (stop func(), err error) {
	prefix := os.Getenv(profileEnv)
	if prefix == "" {
		return func() {}, nil
	}
	f, err := os.Create(prefix + "." + process)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", profileEnv, err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("%s: %w", profileEnv, err)
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}, nil
}
