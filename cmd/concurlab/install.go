package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/concurlab/concurlab/kernel/kernelspec"
)

// runInstall registers the kernelspec for this binary.
func runInstall(args []string) error {
	flags := flag.NewFlagSet("install", flag.ContinueOnError)
	var where kernelspec.Where
	flags.BoolVar(&where.User, "user", false, "install for the current user (the default)")
	flags.BoolVar(&where.SysPrefix, "sys-prefix", false, "install into the Python environment that runs Jupyter")
	flags.StringVar(&where.Prefix, "prefix", "", "install into `DIR`/share/jupyter/kernels")
	if err := flags.Parse(args); err != nil {
		return err
	}
	binary, err := os.Executable()
	if err != nil {
		return fmt.Errorf("cannot find this binary's path: %w", err)
	}
	if binary, err = filepath.EvalSymlinks(binary); err != nil {
		return err
	}
	dir, err := kernelspec.Install(binary, where)
	if err != nil {
		return err
	}
	fmt.Printf("Installed the kernel %q (Go (concur)) in %s\n", kernelspec.Name, dir)
	return nil
}
