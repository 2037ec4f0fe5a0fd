//go:build !unix

package magic

// %time reads the process's CPU times with getrusage, which only Unix systems have; the
// kernel that runs this package needs Linux anyway (see kernel/pipes).
const unsupportedSystem int = "ConcurLab's kernel runs on Linux only (README.md, Supported systems)"
