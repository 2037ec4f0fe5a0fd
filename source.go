// Package concurlab carries the source of the packages that compiled cells import ("concur"
// and "display") inside the kernel binary, so that an installed kernel builds a %%compile
// cell against the same library as its interpreted cells, wherever the repository is (or
// is not) on the machine.
package concurlab

import "embed"

// Library holds go.mod, go.sum and the Go files of concur, display and internal/plot, which
// they draw with (their tests too, which a build of a compiled cell leaves out).
//
//go:embed go.mod go.sum concur/*.go display/*.go internal/plot/*.go
var Library embed.FS
