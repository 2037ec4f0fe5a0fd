// Command concurlab is the ConcurLab Jupyter kernel for Go concurrency experiments.
//
// Usage:
//
//	concurlab kernel CONNECTION_FILE [--log-level LEVEL]   serve Jupyter (started by Jupyter through kernel.json)
//	concurlab install [--user | --sys-prefix | --prefix DIR]   register the kernelspec "concurlab"
//	concurlab version                                        print the version
//
// The kernel process holds the Jupyter sockets and supervises a worker process
// (`concurlab worker`, started by the kernel, not by people) in which cells run. The processes
// of a real process pool that a cell starts (concur.StartProcesses) are `concurlab process`,
// started by the worker.
package main

import (
	"fmt"
	"os"
)

// version is set at build time with -ldflags "-X main.version=..."; "dev" otherwise.
var version = "dev"

const usage = `usage:
  concurlab kernel CONNECTION_FILE [--log-level debug|info|warn|error]
  concurlab install [--user | --sys-prefix | --prefix DIR]
  concurlab version
`

func main() {
	if len(os.Args) < 2 {
		fmt.Fprint(os.Stderr, usage)
		os.Exit(2)
	}
	var err error
	switch command, args := os.Args[1], os.Args[2:]; command {
	case "kernel":
		err = runKernel(args)
	case "worker":
		err = runWorker()
	case "process":
		err = runProcess()
	case "install":
		err = runInstall(args)
	case "version", "--version", "-v":
		fmt.Printf("concurlab %s\n", version)
	case "help", "--help", "-h":
		fmt.Print(usage)
	default:
		err = fmt.Errorf("unknown command %q\n%s", command, usage)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "concurlab: %v\n", err)
		os.Exit(1)
	}
}
